package io.portage.yard.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.yard.domain.CarrierDetention;
import io.portage.yard.domain.DetentionTerms;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.Visit;
import io.portage.yard.domain.YardVisit;
import io.portage.yard.repository.CarrierDetentionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Carriers' detention terms (operators define them) and the charge of a visit that has left: once per visit, when its
 * gate-in and gate-out are both known, by the terms of the carrier that booked its appointment, published as
 * DetentionChargedV2 with its evidence. A carrier without terms is charged nothing.
 */
@ApplicationScoped
public class DetentionService {

    private final CarrierDetentionRepository terms;
    private final YardEvents events;
    private final Clock clock = Clock.systemUTC();

    public DetentionService(CarrierDetentionRepository terms, YardEvents events) {
        this.terms = terms;
        this.events = events;
    }

    @WithSpan("DetentionService.define")
    public Uni<DetentionTerms> define(@SpanAttribute("portage.carrier") String carrier, DetentionTerms detention, String by) {
        return Panache.withTransaction(() -> terms.findById(carrier).chain(found -> {
            CarrierDetention stored = found == null ? new CarrierDetention(carrier) : found;
            stored.define(detention, by, clock.instant());
            return found == null ? terms.persist(stored) : Uni.createFrom().item(stored);
        })).map(CarrierDetention::terms);
    }

    /** The carrier's terms; {@link CarrierTermsNotFoundException} when it has none. */
    public Uni<DetentionTerms> terms(String carrier) {
        return Panache.withSession(() -> terms.findById(carrier))
                .map(found -> {
                    if (found == null) {
                        throw new CarrierTermsNotFoundException(carrier);
                    }
                    return found.terms();
                });
    }

    /** Inside the caller's transaction: charges a departed visit of {@code appointment} once. */
    Uni<Void> settle(YardVisit stored, Visit visit, DockAppointment appointment) {
        if (stored.detentionSettled() || visit.arrivedAt() == null || visit.departedAt() == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        stored.settleDetention(now);
        return terms.findById(appointment.partnerId()).chain(found -> {
            if (found == null) {
                return Uni.createFrom().voidItem();
            }
            DetentionTerms detention = found.terms();
            return detention.charge(appointment.slot().start(), visit.arrivedAt(), visit.departedAt())
                    .map(charge -> events.detentionCharged(appointment, visit.visitId(), visit.arrivedAt(), detention, charge,
                            now).replaceWithVoid())
                    .orElse(Uni.createFrom().voidItem());
        });
    }
}

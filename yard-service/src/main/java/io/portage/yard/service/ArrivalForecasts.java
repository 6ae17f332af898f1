package io.portage.yard.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.DockAppointment.Forecast;
import io.portage.yard.domain.EtaSource;
import io.portage.yard.domain.SiteRules;
import io.portage.yard.repository.AppointmentRepository;
import io.portage.yard.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Estimated arrivals from telematics, geofences, carriers and drivers: the latest estimate moves the appointment's
 * expected arrival, and an appointment whose truck will miss its slot (later than the slot's start plus the site's
 * grace period) is told once on {@code portage.yard} and opens an item for the yard ({@value #AT_RISK}, owner
 * {@code warehouse}) before the slot, not after. The item closes by itself when a later estimate is back within the
 * grace period, when the truck arrives, or when the appointment is cancelled or marked a no-show.
 */
@ApplicationScoped
public class ArrivalForecasts {

    /** The exception type of an appointment at risk; its key is the appointment id. */
    public static final String AT_RISK = "yard.appointment-at-risk";

    private final AppointmentRepository appointments;
    private final SiteRepository sites;
    private final YardEvents events;
    private final ExceptionQueue exceptions;
    private final YardMetrics metrics;
    private final ObjectMapper json;
    private final Duration geofenceToGate;

    public ArrivalForecasts(AppointmentRepository appointments, SiteRepository sites, YardEvents events,
            ExceptionQueue exceptions, YardMetrics metrics, ObjectMapper json,
            @ConfigProperty(name = "portage.yard.geofence.minutes-to-gate", defaultValue = "15") int geofenceMinutes) {
        this.appointments = appointments;
        this.sites = sites;
        this.events = events;
        this.exceptions = exceptions;
        this.metrics = metrics;
        this.json = json;
        this.geofenceToGate = Duration.ofMinutes(geofenceMinutes);
    }

    /**
     * Takes an estimate for the appointment ({@code partnerId} null: an operator; else the partner's own only);
     * {@code eta} null for a geofence entry, which is expected at the gate the configured time after
     * {@code reportedAt}.
     */
    @WithSpan("ArrivalForecasts.expect")
    public Uni<DockAppointment> expect(@SpanAttribute("portage.appointment") UUID id, String partnerId, EtaSource source,
            Instant eta, Instant reportedAt, String correlationId) {
        Instant expected = eta != null ? eta : reportedAt.plus(geofenceToGate);
        return Panache.withTransaction(() -> appointments.findById(id)
                .map(found -> found == null || partnerId != null && !partnerId.equals(found.partnerId()) ? null : found)
                .onItem()
                .ifNull()
                .failWith(() -> new AppointmentNotFoundException(id))
                .chain(appointment -> sites.rules(appointment.site())
                        .map(rules -> rules.map(SiteRules::noShowGrace).orElse(SiteRules.DEFAULT_NO_SHOW_GRACE))
                        .chain(grace -> {
                            Forecast forecast = appointment.expectArrival(expected, source.name(), reportedAt, grace);
                            return follow(appointment, forecast, correlationId).replaceWith(appointment);
                        })));
    }

    /** The appointment's truck arrived, or it was cancelled or missed: an open at-risk item is moot. In the caller's transaction. */
    public Uni<Void> settle(DockAppointment appointment, String how) {
        return appointment.atRiskSince() == null
                ? Uni.createFrom().voidItem()
                : exceptions.settle(AT_RISK, appointment.id().toString(), "yard-service", how, appointment.correlationId())
                        .replaceWithVoid();
    }

    private Uni<Void> follow(DockAppointment appointment, Forecast forecast, String correlationId) {
        String key = appointment.id().toString();
        int minutesLate = (int) Math.max(0,
                Duration.between(appointment.slot().start(), appointment.expectedArrival()).toMinutes());
        return switch (forecast) {
            case NOW_AT_RISK -> {
                metrics.atRisk(appointment.site());
                yield events.appointmentAtRisk(appointment, minutesLate)
                        .chain(() -> raise(appointment, minutesLate));
            }
            case STILL_AT_RISK -> raise(appointment, minutesLate);
            case BACK_ON_TIME -> exceptions.settle(AT_RISK, key, "yard-service", "estimated arrival "
                    + appointment.expectedArrival() + " (" + appointment.etaSource() + ") is within the slot's grace again",
                    correlationId).replaceWithVoid();
            case ON_TIME, OUTDATED -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> raise(DockAppointment appointment, int minutesLate) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("appointmentId", appointment.id());
        evidence.put("site", appointment.site());
        evidence.put("dock", appointment.dock());
        evidence.put("door", appointment.door());
        evidence.put("carrier", appointment.carrier());
        evidence.put("reference", appointment.reference());
        evidence.put("slotStart", appointment.slot().start().toString());
        evidence.put("slotEnd", appointment.slot().end().toString());
        evidence.put("estimatedArrival", appointment.expectedArrival().toString());
        evidence.put("source", appointment.etaSource());
        evidence.put("reportedAt", appointment.etaReportedAt().toString());
        evidence.put("minutesLate", minutesLate);
        String payload;
        try {
            payload = json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Appointment " + appointment.id() + " cannot be written as JSON", e);
        }
        String summary = appointment.carrier() + " is expected at " + appointment.site() + " " + minutesLate
                + " minutes after its slot's start (" + appointment.etaSource() + "): move the appointment or warn the dock";
        return exceptions.raise(AT_RISK, "warehouse", appointment.id().toString(), summary, payload).replaceWithVoid();
    }
}

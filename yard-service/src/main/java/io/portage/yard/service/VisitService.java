package io.portage.yard.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.Visit;
import io.portage.yard.domain.VisitChange;
import io.portage.yard.domain.YardScan;
import io.portage.yard.domain.YardVisit;
import io.portage.yard.repository.AppointmentRepository;
import io.portage.yard.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies gate, yard and dock scans to trucks' visits and the visits to their appointments. An arrival that names an
 * appointment (its id, or the booking reference at the site: the one whose slot is nearest the arrival) is linked to
 * it; one that names none, or none known, is an unplanned visit. The door rule: a planned truck goes to the door its
 * appointment holds, as of its arrival; a later door scan or an operator's assignment wins. What a planned truck did
 * (checked in, at a door, work started, checked out) is told on {@code portage.yard} once ({@link VisitChange}).
 */
@ApplicationScoped
public class VisitService {

    /** The source of a door set by the rule above, as it shows in the visit. */
    public static final String APPOINTMENT_DOOR_RULE = "rule:appointment-door";

    private final VisitRepository visits;
    private final AppointmentRepository appointments;
    private final DetentionService detention;
    private final YardMetrics metrics;
    private final YardEvents events;
    private final ArrivalForecasts forecasts;

    public VisitService(VisitRepository visits, AppointmentRepository appointments, DetentionService detention,
            YardMetrics metrics, YardEvents events, ArrivalForecasts forecasts) {
        this.forecasts = forecasts;
        this.visits = visits;
        this.events = events;
        this.appointments = appointments;
        this.detention = detention;
        this.metrics = metrics;
    }

    /** A visit and the appointment it is linked to (null: unplanned). */
    public record VisitView(Visit visit, UUID appointmentId) {
    }

    /** Applies a batch of scans inside the caller's transaction (the consumer kit's); the number of visits changed. */
    @WithSpan("VisitService.apply")
    public Uni<Integer> apply(List<YardScan> scans) {
        Map<String, List<YardScan>> byVisit = new LinkedHashMap<>();
        scans.forEach(scan -> byVisit.computeIfAbsent(YardVisit.id(scan.site(), scan.visitId()), k -> new ArrayList<>())
                .add(scan));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<YardScan> visitScans : byVisit.values()) {
            chain = chain.chain(() -> applyTo(visitScans));
        }
        return chain.replaceWith(byVisit.size());
    }

    private Uni<Void> applyTo(List<YardScan> scans) {
        YardScan first = scans.get(0);
        return visits.find(first.site(), first.visitId()).chain(found -> {
            YardVisit stored = found.orElseGet(() -> new YardVisit(first.site(), first.visitId()));
            Visit before = found.map(visits::visit).orElse(null);
            Visit visit = before != null ? before : Visit.empty(first.visitId(), first.site());
            for (YardScan scan : scans) {
                visit = visit.apply(scan);
            }
            Visit scanned = visit;
            Visit told = stored.appointmentId() != null ? before : null;
            if (scanned.arrivedAt() != null && scanned.workStarted() != null
                    && (before == null || before.arrivedAt() == null || before.workStarted() == null)) {
                metrics.waited(scanned.site(), Duration.between(scanned.arrivedAt(), scanned.workStarted()));
            }
            return appointmentOf(stored, scanned).chain(appointment -> {
                if (appointment.isEmpty()) {
                    return save(stored, scanned, found.isPresent());
                }
                stored.linkAppointment(appointment.get().id());
                Visit routed = scanned.arrival() == null
                        ? scanned
                        : scanned.assignDoor(appointment.get().door(), scanned.arrivedAt(), APPOINTMENT_DOOR_RULE);
                boolean firstArrival = appointment.get().arrivedAt() == null && routed.arrivedAt() != null;
                appointment.get().followVisit(routed.status(), routed.arrivedAt());
                if (firstArrival) {
                    metrics.arrival(routed.site(), !routed.arrivedAt().isAfter(appointment.get().slot().start()));
                }
                return tell(appointment.get(), VisitChange.between(told, routed), routed.visitId())
                        .chain(() -> firstArrival
                                ? forecasts.settle(appointment.get(), "the truck arrived at " + routed.arrivedAt())
                                : Uni.createFrom().voidItem())
                        .chain(() -> detention.settle(stored, routed, appointment.get()))
                        .chain(() -> save(stored, routed, found.isPresent()));
            });
        });
    }

    private Uni<Void> tell(DockAppointment appointment, List<VisitChange> changes, String visitId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (VisitChange change : changes) {
            chain = chain.chain(() -> events.visitChanged(appointment, visitId, change));
        }
        return chain;
    }

    private Uni<Void> save(YardVisit stored, Visit visit, boolean known) {
        stored.store(visit, visits.document(visit));
        return known ? Uni.createFrom().voidItem() : visits.persist(stored).replaceWithVoid();
    }

    /** The visit's appointment: the one linked before, or the one its arrival names. */
    private Uni<Optional<DockAppointment>> appointmentOf(YardVisit stored, Visit visit) {
        if (stored.appointmentId() != null) {
            return appointments.findById(stored.appointmentId()).map(Optional::ofNullable);
        }
        if (visit.arrival() == null || visit.arrival().value().appointmentRef() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        String ref = visit.arrival().value().appointmentRef();
        UUID id = uuid(ref);
        if (id != null) {
            return appointments.findById(id)
                    .map(found -> Optional.ofNullable(found).filter(a -> a.site().equals(visit.site())));
        }
        return appointments.byReference(visit.site(), ref)
                .map(candidates -> candidates.stream()
                        .min(Comparator.comparing(
                                (DockAppointment a) -> Duration.between(a.slot().start(), visit.arrivedAt()).abs())));
    }

    /** A visit of a site (operators). */
    public Uni<VisitView> find(String site, String visitId) {
        return Panache.withSession(() -> visits.find(site, visitId))
                .map(found -> found.map(v -> new VisitView(visits.visit(v), v.appointmentId()))
                        .orElseThrow(() -> new VisitNotFoundException(site, visitId)));
    }

    /** The trucks on a site now (not departed), by arrival. */
    public Uni<List<VisitView>> onSite(String site) {
        return Panache.withSession(() -> visits.onSite(site))
                .map(list -> list.stream().map(v -> new VisitView(visits.visit(v), v.appointmentId())).toList());
    }

    /** An operator puts the truck at a door now; the latest door wins (and is told when the truck is planned). */
    @WithSpan("VisitService.assignDoor")
    public Uni<VisitView> assignDoor(String site, String visitId, String door, String operator, java.time.Instant now) {
        return Panache.withTransaction(() -> visits.find(site, visitId).chain(found -> {
            YardVisit stored = found.orElseThrow(() -> new VisitNotFoundException(site, visitId));
            Visit before = visits.visit(stored);
            Visit visit = before.assignDoor(door, now, "operator:" + operator);
            stored.store(visit, visits.document(visit));
            Uni<Void> told = stored.appointmentId() == null
                    ? Uni.createFrom().voidItem()
                    : appointments.findById(stored.appointmentId())
                            .chain(appointment -> tell(appointment, VisitChange.between(before, visit), visitId));
            return told.replaceWith(new VisitView(visit, stored.appointmentId()));
        }));
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

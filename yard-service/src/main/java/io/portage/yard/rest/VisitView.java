package io.portage.yard.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.portage.yard.domain.Stamped;
import io.portage.yard.domain.Visit;
import io.portage.yard.service.VisitService;

/**
 * A truck's visit as the API shows it: status, the appointment it came for (none: unplanned), what the gate recorded,
 * the trailer on site now, where it stands and which door (and who chose it: a scan's id, the appointment-door rule or
 * an operator), work times, and dwell minutes.
 */
public record VisitView(String visitId, String site, String status, UUID appointmentId, String appointmentRef,
        String carrier, String driver, String trailerNumber, String sealNumber, String yardSpot, String door,
        String doorSource, Instant arrivedAt, Instant workStartedAt, Instant workCompletedAt, Instant departedAt,
        Long dwellMinutes) {

    static VisitView of(VisitService.VisitView view, Instant now) {
        Visit visit = view.visit();
        Visit.Arrival arrival = visit.arrival() == null ? null : visit.arrival().value();
        Stamped<String> door = visit.door();
        Duration dwell = visit.dwell(now);
        return new VisitView(visit.visitId(), visit.site(), visit.status().name(), view.appointmentId(),
                arrival == null ? null : arrival.appointmentRef(), arrival == null ? null : arrival.carrier(),
                arrival == null ? null : arrival.driver(), visit.trailerNumber(), arrival == null ? null : arrival.sealNumber(),
                visit.yardSpot() == null ? null : visit.yardSpot().value(), door == null ? null : door.value(),
                door == null ? null : door.scanId(), visit.arrivedAt(), visit.workStarted(), visit.workCompleted(),
                visit.departedAt(), dwell == null ? null : dwell.toMinutes());
    }
}

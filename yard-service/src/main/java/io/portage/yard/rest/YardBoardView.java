package io.portage.yard.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.portage.yard.domain.DockAppointment;
import io.portage.yard.service.YardBoard;

/**
 * A site on the yard board ({@code GET /ops/yard/board}): its doors, each with the truck at it if any, the trucks on
 * site with their dwell, and the counts a glance needs.
 */
public record YardBoardView(String site, int doors, int doorsOccupied, int trucksOnSite, Long longestDwellMinutes,
        List<DoorView> doorList, List<VisitView> onSite) {

    /** A door of a dock, and the visit standing at it now (null when free). */
    public record DoorView(String dock, String door, List<String> loadTypes, String visitId, String trailerNumber,
            String carrier, Long dwellMinutes) {
    }

    /** A visit of a trailer with the appointment it came for: reference, direction and the shipments it names. */
    public record TrailerVisitView(VisitView visit, String appointmentReference, String direction,
            List<String> shipments) {

        static TrailerVisitView of(YardBoard.TrailerVisit found, Instant now) {
            DockAppointment appointment = found.appointment();
            return new TrailerVisitView(VisitView.of(found.visit(), now),
                    appointment == null ? null : appointment.reference(),
                    appointment == null ? null : appointment.direction().name(),
                    appointment == null ? List.of() : appointment.shipments());
        }
    }

    static YardBoardView of(YardBoard.Site site, Instant now) {
        List<VisitView> onSite = site.onSite().stream().map(visit -> VisitView.of(visit, now)).toList();
        Map<String, VisitView> atDoor = onSite.stream()
                .filter(visit -> visit.door() != null)
                .collect(Collectors.toMap(VisitView::door, Function.identity(), (first, later) -> later));
        List<DoorView> doors = site.docks()
                .stream()
                .flatMap(dock -> dock.doors().stream().map(door -> {
                    VisitView visit = atDoor.get(door.code());
                    return new DoorView(dock.code(), door.code(), door.loadTypes(),
                            visit == null ? null : visit.visitId(), visit == null ? null : visit.trailerNumber(),
                            visit == null ? null : visit.carrier(), visit == null ? null : visit.dwellMinutes());
                }))
                .toList();
        Long longest = onSite.stream()
                .map(VisitView::dwellMinutes)
                .filter(dwell -> dwell != null)
                .max(Long::compare)
                .orElse(null);
        return new YardBoardView(site.site(), doors.size(), (int) doors.stream()
                .filter(door -> door.visitId() != null)
                .count(), onSite.size(), longest, doors, onSite);
    }
}

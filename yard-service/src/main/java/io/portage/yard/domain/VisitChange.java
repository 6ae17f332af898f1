package io.portage.yard.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fact about a truck's visit that its appointment's followers are told once: checked in at the gate, put at a door
 * (again when the door changes), work started at the door, checked out. Worked out by comparing the visit as told
 * before with the visit now, so scans repeated, late or shuffled tell nothing twice.
 */
public sealed interface VisitChange {

    /** The truck passed the gate in. */
    record CheckedIn(String carrier, String trailerNumber, String sealNumber, Instant at) implements VisitChange {
    }

    /** The truck was put at a door (by a scan, the appointment's door rule or an operator). */
    record DoorAssigned(String door, Instant at) implements VisitChange {
    }

    /** Unloading or loading started at the door. */
    record WorkStarted(String door, Instant at) implements VisitChange {
    }

    /** The truck passed the gate out, with the trailer it left with. */
    record CheckedOut(String trailerNumber, String sealNumber, Instant at) implements VisitChange {
    }

    /**
     * What {@code now} tells that {@code told} did not ({@code told} null: nothing was told yet, e.g. the visit was
     * only now linked to its appointment), in the order the truck went through them.
     */
    static List<VisitChange> between(Visit told, Visit now) {
        Visit before = told == null ? Visit.empty(now.visitId(), now.site()) : told;
        List<VisitChange> changes = new ArrayList<>();
        if (before.arrival() == null && now.arrival() != null) {
            Visit.Arrival arrival = now.arrival().value();
            changes.add(new CheckedIn(arrival.carrier(), arrival.trailerNumber(), arrival.sealNumber(), now.arrivedAt()));
        }
        if (now.door() != null && (before.door() == null || !Objects.equals(before.door().value(), now.door().value()))) {
            changes.add(new DoorAssigned(now.door().value(), now.door().at()));
        }
        if (before.workStarted() == null && now.workStarted() != null) {
            changes.add(new WorkStarted(now.door() == null ? null : now.door().value(), now.workStarted()));
        }
        if (before.departure() == null && now.departure() != null) {
            changes.add(new CheckedOut(now.trailerNumber(), now.departure().value(), now.departedAt()));
        }
        return changes;
    }
}

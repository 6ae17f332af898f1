package io.portage.yard.domain;

import java.util.Set;

/**
 * Where a dock appointment stands: requested (a check is pending, or failed and waits for a person), scheduled,
 * arrived (the truck is through the gate), in progress (at the door), completed, and the two ends without a visit,
 * cancelled and no-show. A no-show truck that arrives late is still recorded against its appointment.
 */
public enum AppointmentStatus {

    REQUESTED, SCHEDULED, ARRIVED, IN_PROGRESS, COMPLETED, CANCELLED, NO_SHOW;

    /** The statuses that hold a door for the slot (the exclusion constraint covers exactly these). */
    public static final Set<AppointmentStatus> HOLDING_A_DOOR = Set.of(REQUESTED, SCHEDULED, ARRIVED, IN_PROGRESS);

    /** Whether a carrier or an operator may still move or cancel it. */
    public boolean changeable() {
        return this == REQUESTED || this == SCHEDULED;
    }
}

package io.portage.contracts.status;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;

/**
 * The status of a dock appointment (subject = appointment id) from {@code portage.yard}. A carrier that missed its
 * slot may still check in late; a cancelled one is closed; detention events do not change the status.
 */
public enum AppointmentStatus implements Status<AppointmentStatus> {

    BOOKED(10), RESCHEDULED(20), MISSED(30), CHECKED_IN(40), AT_DOCK(50), UNLOADING(60), LOADING(60), COMPLETED(
            70), CHECKED_OUT(80), CANCELLED(35);

    private static final Map<EventType, AppointmentStatus> BY_EVENT = Map.ofEntries(
            Map.entry(EventCatalog.APPOINTMENT_BOOKED_V1, BOOKED),
            Map.entry(EventCatalog.APPOINTMENT_RESCHEDULED_V1, RESCHEDULED),
            Map.entry(EventCatalog.APPOINTMENT_MISSED_V1, MISSED),
            Map.entry(EventCatalog.TRAILER_CHECKED_IN_V1, CHECKED_IN),
            Map.entry(EventCatalog.DOCK_ASSIGNED_V1, AT_DOCK),
            Map.entry(EventCatalog.UNLOADING_STARTED_V1, UNLOADING),
            Map.entry(EventCatalog.LOADING_STARTED_V1, LOADING),
            Map.entry(EventCatalog.UNLOADING_COMPLETED_V1, COMPLETED),
            Map.entry(EventCatalog.LOADING_COMPLETED_V1, COMPLETED),
            Map.entry(EventCatalog.TRAILER_CHECKED_OUT_V1, CHECKED_OUT),
            Map.entry(EventCatalog.APPOINTMENT_CANCELLED_V1, CANCELLED));

    private final int rank;

    AppointmentStatus(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public Set<AppointmentStatus> next() {
        return switch (this) {
            case BOOKED -> Set.of(RESCHEDULED, MISSED, CHECKED_IN, CANCELLED);
            case RESCHEDULED -> Set.of(MISSED, CHECKED_IN, CANCELLED);
            case MISSED -> Set.of(CHECKED_IN, CANCELLED);
            case CHECKED_IN -> Set.of(AT_DOCK, CHECKED_OUT);
            case AT_DOCK -> Set.of(UNLOADING, LOADING);
            case UNLOADING, LOADING -> Set.of(COMPLETED);
            case COMPLETED -> Set.of(CHECKED_OUT);
            case CHECKED_OUT, CANCELLED -> Set.of();
        };
    }

    /** The status an event of this type implies; empty for types that do not change an appointment's status. */
    public static Optional<AppointmentStatus> of(EventType type) {
        return Optional.ofNullable(BY_EVENT.get(type));
    }
}

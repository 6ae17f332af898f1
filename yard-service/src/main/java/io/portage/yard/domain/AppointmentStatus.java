package io.portage.yard.domain;

/** Where a dock appointment stands; check-in, loading and departure arrive with the yard flow. */
public enum AppointmentStatus {
    BOOKED
}

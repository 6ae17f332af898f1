package io.portage.yard.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of {@code POST /api/v1/appointments/{id}/reschedule} and {@code .../cancel}. */
public final class AppointmentChangeRequests {

    private AppointmentChangeRequests() {
    }

    /** A new slot at the same dock, and why. */
    public record Reschedule(@NotNull Instant slotStart, @NotNull Instant slotEnd, @Size(min = 1, max = 500) String reason) {
    }

    /** Why the appointment is cancelled. */
    public record Cancel(@Size(min = 1, max = 500) String reason) {
    }
}

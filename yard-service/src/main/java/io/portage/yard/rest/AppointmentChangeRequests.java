package io.portage.yard.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.portage.yard.domain.EtaSource;

/** The bodies of {@code POST /api/v1/appointments/{id}/reschedule} and {@code .../cancel}. */
public final class AppointmentChangeRequests {

    private AppointmentChangeRequests() {
    }

    /** A new slot at the same dock, and why. */
    public record Reschedule(@NotNull Instant slotStart, @NotNull Instant slotEnd, @Size(min = 1, max = 500) String reason) {
    }

    /**
     * An estimated arrival: {@code estimatedArrival} required except for a geofence entry; {@code reportedAt} when it
     * was estimated (default: now), so an older estimate delivered late is kept out.
     */
    public record Eta(@NotNull EtaSource source, Instant estimatedArrival, Instant reportedAt) {
    }

    /** Why the appointment is cancelled. */
    public record Cancel(@Size(min = 1, max = 500) String reason) {
    }
}

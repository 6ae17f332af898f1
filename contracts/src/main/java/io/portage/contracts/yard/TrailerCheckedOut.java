package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A trailer left the site through the gate ({@code io.portage.yard.trailer-checked-out.v1} on {@code portage.yard},
 * subject = {@code appointmentId}). Terminal for the appointment.
 */
@RegisterForReflection
public record TrailerCheckedOut(
        String appointmentId,
        String site,
        String trailerNumber,
        String sealNumber,
        Instant checkedOutAt) {
}

package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A trailer arrived at the gate for an appointment and was checked in ({@code io.portage.yard.trailer-checked-in.v1}
 * on {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record TrailerCheckedIn(
        String appointmentId,
        String site,
        String carrier,
        String trailerNumber,
        String licensePlate,
        String sealNumber,
        Instant checkedInAt) {
}

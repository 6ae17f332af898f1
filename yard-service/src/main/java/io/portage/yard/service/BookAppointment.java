package io.portage.yard.service;

import io.portage.yard.domain.Direction;
import io.portage.yard.domain.Slot;

/** A validated request to book a dock. */
public record BookAppointment(String site, String dock, Direction direction, String carrier, String reference,
        String partnerId, Slot slot, String correlationId) {
}

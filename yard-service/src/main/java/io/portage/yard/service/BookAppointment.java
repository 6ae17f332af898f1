package io.portage.yard.service;

import io.portage.yard.domain.Direction;
import io.portage.yard.domain.Slot;

/**
 * A validated request to book a slot at a dock of a site; {@code loadType} may be null (any door), {@code carrier}
 * booking says the site's notice and cut-off rules apply (operators book past them).
 */
public record BookAppointment(String site, String dock, String loadType, Direction direction, String carrier,
        String reference, String partnerId, Slot slot, String correlationId, boolean carrierBooking) {
}

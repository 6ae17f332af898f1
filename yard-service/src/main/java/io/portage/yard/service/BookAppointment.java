package io.portage.yard.service;

import java.util.List;

import io.portage.yard.domain.Direction;
import io.portage.yard.domain.Slot;

/**
 * A validated request to book a slot at a dock of a site; {@code loadType} may be null (any door), {@code carrier}
 * booking says the site's notice and cut-off rules apply (operators book past them); {@code purchaseOrders} are the
 * Odoo purchase orders an inbound booking names (checked in Odoo).
 */
public record BookAppointment(String site, String dock, String loadType, Direction direction, String carrier,
        String reference, String partnerId, Slot slot, String correlationId, boolean carrierBooking,
        List<String> purchaseOrders, List<String> shipments) {

    public BookAppointment {
        purchaseOrders = purchaseOrders == null ? List.of() : List.copyOf(purchaseOrders);
        shipments = shipments == null ? List.of() : List.copyOf(shipments);
    }
}

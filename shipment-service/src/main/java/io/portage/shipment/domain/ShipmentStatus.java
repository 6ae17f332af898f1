package io.portage.shipment.domain;

/** Where a shipment stands. Planned is the first state; dispatch, tracking and delivery follow with the carrier flow. */
public enum ShipmentStatus {
    PLANNED
}

package io.portage.shipment.service;

import java.time.Instant;
import java.util.UUID;

import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentReturn;
import io.portage.shipment.domain.carrier.Label;
import io.portage.shipment.domain.tracking.MappedScan;
import io.smallrye.mutiny.Uni;

/**
 * The shipment events the use cases publish on {@code portage.shipments}, inside the caller's transaction: a port of
 * the service layer, implemented in {@code messaging/} (the outbox), so services never depend on messaging.
 */
public interface ShipmentEvents {

    /** ShipmentCreated, sequence 1 of the shipment. */
    Uni<UUID> created(Shipment shipment);

    /** LabelGenerated (v2, with its cost), with the next sequence of the shipment. */
    Uni<UUID> labelGenerated(Shipment shipment);

    /** ShipmentDispatched, with the next sequence of the shipment. */
    Uni<UUID> dispatched(Shipment shipment);

    /** TrackingUpdated for a scan that moved the tracker. */
    Uni<UUID> trackingUpdated(Shipment shipment, String trackingNumber, MappedScan scan);

    /** DeliveryExceptionReported for an exception scan, with the carrier's own code. */
    Uni<UUID> deliveryException(Shipment shipment, String trackingNumber, MappedScan scan);

    /** ProofOfDeliveryReceived for the delivery scan. */
    Uni<UUID> delivered(Shipment shipment, String trackingNumber, MappedScan scan, Instant receivedAt);

    /** ReturnInitiated, with the next sequence of the shipment. */
    Uni<UUID> returnInitiated(Shipment shipment, ShipmentReturn opened);

    /** ReturnLabelGenerated for the label just bought for a return, with the next sequence of the shipment. */
    Uni<UUID> returnLabelGenerated(Shipment shipment, ShipmentReturn labelled, Label label);

    /** ReturnReceived, with the next sequence of the shipment. */
    Uni<UUID> returnReceived(Shipment shipment, ShipmentReturn received);

    /** ShipmentCancelled, with the next sequence of the shipment. */
    Uni<UUID> cancelled(Shipment shipment);
}

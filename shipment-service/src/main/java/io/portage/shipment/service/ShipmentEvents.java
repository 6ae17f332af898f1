package io.portage.shipment.service;

import java.time.Instant;
import java.util.List;
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

    /** A scan that moved its tracker (the carrier's number), published with this sequence of its shipment. */
    record Tracked(Shipment shipment, String carrier, String trackingNumber, MappedScan scan, long sequence,
            Instant receivedAt) {
    }

    /**
     * For each scan, in this order, its fact by its status: DeliveryExceptionReported (with the carrier's own code),
     * ProofOfDeliveryReceived for the delivery, TrackingUpdated for any other move; staged together in one statement.
     */
    Uni<Void> tracked(List<Tracked> scans);

    /** ReturnInitiated, with the next sequence of the shipment. */
    Uni<UUID> returnInitiated(Shipment shipment, ShipmentReturn opened);

    /** ReturnLabelGenerated for the label just bought for a return, with the next sequence of the shipment. */
    Uni<UUID> returnLabelGenerated(Shipment shipment, ShipmentReturn labelled, Label label);

    /** ReturnReceived, with the next sequence of the shipment. */
    Uni<UUID> returnReceived(Shipment shipment, ShipmentReturn received);

    /** ShipmentCancelled, with the next sequence of the shipment. */
    Uni<UUID> cancelled(Shipment shipment);
}

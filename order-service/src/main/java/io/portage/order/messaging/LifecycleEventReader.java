package io.portage.order.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.erp.ErpInvoicePosted;
import io.portage.contracts.erp.ErpOrderCancelled;
import io.portage.contracts.erp.ErpPickingDone;
import io.portage.contracts.shipment.ProofOfDeliveryReceived;
import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.contracts.shipment.ShipmentDispatched;
import io.portage.contracts.shipment.TrackingUpdated;
import io.portage.contracts.warehouse.PackConfirmed;
import io.portage.contracts.warehouse.PickConfirmed;
import io.portage.kit.events.SequencedEvent;
import io.portage.order.domain.OrderStatus;
import io.portage.order.service.LifecycleEvent;
import io.portage.order.service.LifecycleEvent.Ref;

/**
 * Reads the events order-service follows into {@link LifecycleEvent}s: from {@code portage.warehouse} pick and pack
 * confirmations (subject = order id), from {@code portage.shipments} a shipment planned for an order, dispatched, a
 * tracking scan, proof of delivery (subject = shipment id), from {@code portage.erp} a sale order cancelled, a transfer
 * done, a customer invoice posted (Odoo's ids and names). Other types on those topics answer nothing.
 */
@ApplicationScoped
public class LifecycleEventReader {

    private final ObjectMapper json;

    public LifecycleEventReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The facts in one event of {@code portage.warehouse}.
     *
     * @throws IllegalArgumentException when the payload is not a complete event of its type
     */
    public List<LifecycleEvent> warehouse(SequencedEvent event) {
        String type = event.type();
        if (type.equals(EventCatalog.PICK_CONFIRMED_V1.type())) {
            PickConfirmed pick = read(event, PickConfirmed.class);
            Instant at = require(pick.confirmedAt(), "confirmedAt");
            int lines = pick.lines() == null ? 0 : pick.lines().size();
            return List.of(new LifecycleEvent(event.eventId(), type, Ref.order(uuid(pick.orderId(), "orderId")),
                    new LifecycleEvent.Milestone(OrderStatus.PICKED, "picked at " + pick.site() + ", " + lines
                            + " line(s)" + (pick.pickerId() == null ? "" : " by " + pick.pickerId()), true),
                    at, "warehouse:" + pick.site()));
        }
        if (type.equals(EventCatalog.PACK_CONFIRMED_V1.type())) {
            PackConfirmed pack = read(event, PackConfirmed.class);
            Instant at = require(pack.confirmedAt(), "confirmedAt");
            int parcels = pack.parcels() == null ? 0 : pack.parcels().size();
            return List.of(new LifecycleEvent(event.eventId(), type, Ref.order(uuid(pack.orderId(), "orderId")),
                    new LifecycleEvent.Milestone(OrderStatus.PACKED,
                            "packed at " + pack.site() + " into " + parcels + " parcel(s)", true),
                    at, "warehouse:" + pack.site()));
        }
        return List.of();
    }

    /**
     * The facts in one event of {@code portage.shipments}. A tracking scan implies the shipment was dispatched (its
     * dispatch event may be late or lost); scans after that are not recorded one by one.
     *
     * @throws IllegalArgumentException when the payload is not a complete event of its type
     */
    public List<LifecycleEvent> shipments(SequencedEvent event) {
        String type = event.type();
        if (type.equals(EventCatalog.SHIPMENT_CREATED_V1.type())) {
            ShipmentCreated created = read(event, ShipmentCreated.class);
            UUID shipment = uuid(created.shipmentId(), "shipmentId");
            return List.of(new LifecycleEvent(event.eventId(), type, Ref.order(uuid(created.orderId(), "orderId")),
                    new LifecycleEvent.ShipmentPlanned(shipment), require(created.createdAt(), "createdAt"),
                    "shipment:" + shipment));
        }
        if (type.equals(EventCatalog.SHIPMENT_DISPATCHED_V1.type())) {
            ShipmentDispatched dispatched = read(event, ShipmentDispatched.class);
            UUID shipment = uuid(dispatched.shipmentId(), "shipmentId");
            return List.of(new LifecycleEvent(event.eventId(), type, Ref.shipment(shipment),
                    new LifecycleEvent.Milestone(OrderStatus.DISPATCHED, "dispatched with " + dispatched.carrier()
                            + (dispatched.trackingNumber() == null ? "" : ", tracking " + dispatched.trackingNumber()),
                            true),
                    require(dispatched.dispatchedAt(), "dispatchedAt"), "shipment:" + shipment));
        }
        if (type.equals(EventCatalog.TRACKING_UPDATED_V1.type())) {
            TrackingUpdated scan = read(event, TrackingUpdated.class);
            UUID shipment = uuid(scan.shipmentId(), "shipmentId");
            return List.of(new LifecycleEvent(event.eventId(), type, Ref.shipment(shipment),
                    new LifecycleEvent.Milestone(OrderStatus.DISPATCHED,
                            "in transit (" + scan.carrierStatus() + ", tracking " + scan.trackingNumber() + ")", false),
                    require(scan.occurredAt(), "occurredAt"), "shipment:" + shipment));
        }
        if (type.equals(EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1.type())) {
            ProofOfDeliveryReceived proof = read(event, ProofOfDeliveryReceived.class);
            UUID shipment = uuid(proof.shipmentId(), "shipmentId");
            return List.of(new LifecycleEvent(event.eventId(), type, Ref.shipment(shipment),
                    new LifecycleEvent.Milestone(OrderStatus.DELIVERED, "delivered, proof of delivery: "
                            + proof.proofType() + (proof.signedBy() == null ? "" : " by " + proof.signedBy()), true),
                    require(proof.deliveredAt(), "deliveredAt"), "shipment:" + shipment));
        }
        return List.of();
    }

    /**
     * The facts in one event of {@code portage.erp}: a customer invoice names its sale orders in
     * {@code invoiceOrigin} ("S00042" or "S00042, S00043"), one fact per order (each its own inbox key).
     *
     * @throws IllegalArgumentException when the payload is not a complete event of its type
     */
    public List<LifecycleEvent> erp(SequencedEvent event) {
        String type = event.type();
        if (type.equals(EventCatalog.ERP_ORDER_CANCELLED_V1.type())) {
            ErpOrderCancelled cancelled = read(event, ErpOrderCancelled.class);
            return List.of(new LifecycleEvent(event.eventId(), type, Ref.odooOrder(cancelled.recordId()),
                    new LifecycleEvent.CancelledInErp(cancelled.name()), require(cancelled.changedAt(), "changedAt"),
                    "odoo:" + cancelled.instance()));
        }
        if (type.equals(EventCatalog.ERP_PICKING_DONE_V1.type())) {
            ErpPickingDone done = read(event, ErpPickingDone.class);
            if (done.saleOrderId() == null) {
                return List.of();
            }
            Instant at = done.doneAt() != null ? done.doneAt() : require(done.changedAt(), "changedAt");
            return List.of(new LifecycleEvent(event.eventId(), type, Ref.odooOrder(done.saleOrderId()),
                    new LifecycleEvent.PickingDone(done.recordId(), done.name(), done.carrierTrackingRef()), at,
                    "odoo:" + done.instance()));
        }
        if (type.equals(EventCatalog.ERP_INVOICE_POSTED_V1.type())) {
            ErpInvoicePosted invoice = read(event, ErpInvoicePosted.class);
            if (!"out_invoice".equals(invoice.moveType()) || invoice.invoiceOrigin() == null) {
                return List.of();
            }
            Set<String> origins = new LinkedHashSet<>();
            for (String origin : invoice.invoiceOrigin().split(",")) {
                if (!origin.isBlank()) {
                    origins.add(origin.trim());
                }
            }
            Instant at = require(invoice.changedAt(), "changedAt");
            List<LifecycleEvent> facts = new ArrayList<>();
            for (String origin : origins) {
                String key = origins.size() == 1 ? event.eventId() : event.eventId() + "#" + origin;
                facts.add(new LifecycleEvent(key, type, Ref.odooOrderName(origin),
                        new LifecycleEvent.Invoiced(invoice.name()), at, "odoo:" + invoice.instance()));
            }
            return facts;
        }
        return List.of();
    }

    private <T> T read(SequencedEvent event, Class<T> type) {
        return event.data(json, type);
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static UUID uuid(String value, String field) {
        require(value, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a UUID: " + value);
        }
    }
}

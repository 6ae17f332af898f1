package io.portage.contracts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.portage.contracts.erp.ErpInvoicePosted;
import io.portage.contracts.erp.ErpOrderCancelled;
import io.portage.contracts.erp.ErpOrderConfirmed;
import io.portage.contracts.erp.ErpPickingDone;
import io.portage.contracts.finance.CarrierInvoiceDisputed;
import io.portage.contracts.finance.CarrierInvoiceMatched;
import io.portage.contracts.finance.CarrierInvoiceReceived;
import io.portage.contracts.finance.FreightAccrued;
import io.portage.contracts.finance.FreightChargeConfirmed;
import io.portage.contracts.finance.InvoiceReleased;
import io.portage.contracts.finance.RefundReleased;
import io.portage.contracts.order.OrderAccepted;
import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderChanged;
import io.portage.contracts.order.OrderReceived;
import io.portage.contracts.order.OrderRejected;
import io.portage.contracts.order.OrderReleased;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.contracts.shipment.CarrierStatusReported;
import io.portage.contracts.shipment.DeliveryExceptionReported;
import io.portage.contracts.shipment.LabelGenerated;
import io.portage.contracts.shipment.LabelGeneratedV2;
import io.portage.contracts.shipment.ProofOfDeliveryReceived;
import io.portage.contracts.shipment.ReturnInitiated;
import io.portage.contracts.shipment.ReturnLabelGenerated;
import io.portage.contracts.shipment.ReturnReceived;
import io.portage.contracts.shipment.ShipmentCancelled;
import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.contracts.shipment.ShipmentDispatched;
import io.portage.contracts.shipment.TrackingUpdated;
import io.portage.contracts.warehouse.PackConfirmed;
import io.portage.contracts.warehouse.PickConfirmed;
import io.portage.contracts.warehouse.ReceiptAdvised;
import io.portage.contracts.warehouse.ReceiptLineConfirmed;
import io.portage.contracts.warehouse.ShipConfirmed;
import io.portage.contracts.warehouse.YardScanRecorded;
import io.portage.contracts.yard.AppointmentAtRisk;
import io.portage.contracts.yard.AppointmentBooked;
import io.portage.contracts.yard.AppointmentCancelled;
import io.portage.contracts.yard.AppointmentMissed;
import io.portage.contracts.yard.AppointmentRescheduled;
import io.portage.contracts.yard.DetentionCharged;
import io.portage.contracts.yard.DetentionChargedV2;
import io.portage.contracts.yard.DetentionStarted;
import io.portage.contracts.yard.DockAssigned;
import io.portage.contracts.yard.LoadingCompleted;
import io.portage.contracts.yard.LoadingStarted;
import io.portage.contracts.yard.TrailerCheckedIn;
import io.portage.contracts.yard.TrailerCheckedOut;
import io.portage.contracts.yard.UnloadingCompleted;
import io.portage.contracts.yard.UnloadingStarted;

/**
 * Every canonical event type Portage publishes. A type is added here together with its record and its schema; a new
 * version of a published type is a new constant next to the old one (see {@code docs/events.md}).
 */
public final class EventCatalog {

    // Orders, on portage.orders, subject = order id.

    public static final EventType ORDER_RECEIVED_V1 = new EventType("io.portage.order.received.v1", OrderReceived.class,
            Topics.ORDERS);

    public static final EventType ORDER_ACCEPTED_V1 = new EventType("io.portage.order.accepted.v1", OrderAccepted.class,
            Topics.ORDERS);

    public static final EventType ORDER_REJECTED_V1 = new EventType("io.portage.order.rejected.v1", OrderRejected.class,
            Topics.ORDERS);

    public static final EventType ORDER_RELEASED_V1 = new EventType("io.portage.order.released.v1", OrderReleased.class,
            Topics.ORDERS);

    public static final EventType ORDER_RELEASED_V2 = new EventType("io.portage.order.released.v2", OrderReleasedV2.class,
            Topics.ORDERS);

    public static final EventType ORDER_CANCELLED_V1 = new EventType("io.portage.order.cancelled.v1", OrderCancelled.class,
            Topics.ORDERS);

    public static final EventType ORDER_CHANGED_V1 = new EventType("io.portage.order.changed.v1", OrderChanged.class,
            Topics.ORDERS);

    // Yard and dock, on portage.yard, subject = appointment id.

    public static final EventType APPOINTMENT_BOOKED_V1 = new EventType("io.portage.yard.appointment-booked.v1",
            AppointmentBooked.class, Topics.YARD);

    public static final EventType APPOINTMENT_RESCHEDULED_V1 = new EventType("io.portage.yard.appointment-rescheduled.v1",
            AppointmentRescheduled.class, Topics.YARD);

    public static final EventType APPOINTMENT_MISSED_V1 = new EventType("io.portage.yard.appointment-missed.v1",
            AppointmentMissed.class, Topics.YARD);

    public static final EventType APPOINTMENT_AT_RISK_V1 = new EventType("io.portage.yard.appointment-at-risk.v1",
            AppointmentAtRisk.class, Topics.YARD);

    public static final EventType TRAILER_CHECKED_IN_V1 = new EventType("io.portage.yard.trailer-checked-in.v1",
            TrailerCheckedIn.class, Topics.YARD);

    public static final EventType DOCK_ASSIGNED_V1 = new EventType("io.portage.yard.dock-assigned.v1", DockAssigned.class,
            Topics.YARD);

    public static final EventType UNLOADING_STARTED_V1 = new EventType("io.portage.yard.unloading-started.v1",
            UnloadingStarted.class, Topics.YARD);

    public static final EventType UNLOADING_COMPLETED_V1 = new EventType("io.portage.yard.unloading-completed.v1",
            UnloadingCompleted.class, Topics.YARD);

    public static final EventType LOADING_STARTED_V1 = new EventType("io.portage.yard.loading-started.v1", LoadingStarted.class,
            Topics.YARD);

    public static final EventType LOADING_COMPLETED_V1 = new EventType("io.portage.yard.loading-completed.v1",
            LoadingCompleted.class, Topics.YARD);

    public static final EventType TRAILER_CHECKED_OUT_V1 = new EventType("io.portage.yard.trailer-checked-out.v1",
            TrailerCheckedOut.class, Topics.YARD);

    public static final EventType DETENTION_STARTED_V1 = new EventType("io.portage.yard.detention-started.v1",
            DetentionStarted.class, Topics.YARD);

    public static final EventType DETENTION_CHARGED_V1 = new EventType("io.portage.yard.detention-charged.v1",
            DetentionCharged.class, Topics.YARD);

    public static final EventType APPOINTMENT_CANCELLED_V1 = new EventType("io.portage.yard.appointment-cancelled.v1",
            AppointmentCancelled.class, Topics.YARD);

    public static final EventType DETENTION_CHARGED_V2 = new EventType("io.portage.yard.detention-charged.v2",
            DetentionChargedV2.class, Topics.YARD);

    // Warehouse floor, on portage.warehouse, subject = receipt id or order id.

    public static final EventType RECEIPT_LINE_CONFIRMED_V1 = new EventType("io.portage.warehouse.receipt-line-confirmed.v1",
            ReceiptLineConfirmed.class, Topics.WAREHOUSE);

    public static final EventType PICK_CONFIRMED_V1 = new EventType("io.portage.warehouse.pick-confirmed.v1",
            PickConfirmed.class, Topics.WAREHOUSE);

    public static final EventType PACK_CONFIRMED_V1 = new EventType("io.portage.warehouse.pack-confirmed.v1",
            PackConfirmed.class, Topics.WAREHOUSE);

    public static final EventType SHIP_CONFIRMED_V1 = new EventType("io.portage.warehouse.ship-confirmed.v1",
            ShipConfirmed.class, Topics.WAREHOUSE);

    public static final EventType YARD_SCAN_RECORDED_V1 = new EventType("io.portage.warehouse.yard-scan-recorded.v1",
            YardScanRecorded.class, Topics.WAREHOUSE);

    public static final EventType RECEIPT_ADVISED_V1 = new EventType("io.portage.warehouse.receipt-advised.v1",
            ReceiptAdvised.class, Topics.WAREHOUSE);

    // Shipments, on portage.shipments, subject = shipment id.

    public static final EventType CARRIER_STATUS_REPORTED_V1 = new EventType("io.portage.shipment.carrier-status-reported.v1",
            CarrierStatusReported.class, Topics.SHIPMENTS);

    public static final EventType SHIPMENT_CREATED_V1 = new EventType("io.portage.shipment.created.v1", ShipmentCreated.class,
            Topics.SHIPMENTS);

    public static final EventType LABEL_GENERATED_V1 = new EventType("io.portage.shipment.label-generated.v1",
            LabelGenerated.class, Topics.SHIPMENTS);

    public static final EventType SHIPMENT_DISPATCHED_V1 = new EventType("io.portage.shipment.dispatched.v1",
            ShipmentDispatched.class, Topics.SHIPMENTS);

    public static final EventType TRACKING_UPDATED_V1 = new EventType("io.portage.shipment.tracking-updated.v1",
            TrackingUpdated.class, Topics.SHIPMENTS);

    public static final EventType DELIVERY_EXCEPTION_REPORTED_V1 = new EventType(
            "io.portage.shipment.delivery-exception-reported.v1", DeliveryExceptionReported.class, Topics.SHIPMENTS);

    public static final EventType PROOF_OF_DELIVERY_RECEIVED_V1 = new EventType(
            "io.portage.shipment.proof-of-delivery-received.v1", ProofOfDeliveryReceived.class, Topics.SHIPMENTS);

    public static final EventType RETURN_INITIATED_V1 = new EventType("io.portage.shipment.return-initiated.v1",
            ReturnInitiated.class, Topics.SHIPMENTS);

    public static final EventType RETURN_RECEIVED_V1 = new EventType("io.portage.shipment.return-received.v1",
            ReturnReceived.class, Topics.SHIPMENTS);

    public static final EventType LABEL_GENERATED_V2 = new EventType("io.portage.shipment.label-generated.v2",
            LabelGeneratedV2.class, Topics.SHIPMENTS);

    public static final EventType SHIPMENT_CANCELLED_V1 = new EventType("io.portage.shipment.cancelled.v1",
            ShipmentCancelled.class, Topics.SHIPMENTS);

    public static final EventType RETURN_LABEL_GENERATED_V1 = new EventType("io.portage.shipment.return-label-generated.v1",
            ReturnLabelGenerated.class, Topics.SHIPMENTS);

    // Freight finance, on portage.finance, subject = charge, invoice, carrier invoice or refund id.

    public static final EventType FREIGHT_CHARGE_CONFIRMED_V1 = new EventType("io.portage.finance.freight-charge-confirmed.v1",
            FreightChargeConfirmed.class, Topics.FINANCE);

    public static final EventType FREIGHT_ACCRUED_V1 = new EventType("io.portage.finance.freight-accrued.v1",
            FreightAccrued.class, Topics.FINANCE);

    public static final EventType INVOICE_RELEASED_V1 = new EventType("io.portage.finance.invoice-released.v1",
            InvoiceReleased.class, Topics.FINANCE);

    public static final EventType CARRIER_INVOICE_RECEIVED_V1 = new EventType("io.portage.finance.carrier-invoice-received.v1",
            CarrierInvoiceReceived.class, Topics.FINANCE);

    public static final EventType CARRIER_INVOICE_MATCHED_V1 = new EventType("io.portage.finance.carrier-invoice-matched.v1",
            CarrierInvoiceMatched.class, Topics.FINANCE);

    public static final EventType CARRIER_INVOICE_DISPUTED_V1 = new EventType("io.portage.finance.carrier-invoice-disputed.v1",
            CarrierInvoiceDisputed.class, Topics.FINANCE);

    public static final EventType REFUND_RELEASED_V1 = new EventType("io.portage.finance.refund-released.v1",
            RefundReleased.class, Topics.FINANCE);

    // Changes captured from the ERP, on portage.erp, subject = <model>/<id> of the ERP record.

    public static final EventType ERP_ORDER_CONFIRMED_V1 = new EventType("io.portage.erp.order-confirmed.v1",
            ErpOrderConfirmed.class, Topics.ERP);

    public static final EventType ERP_ORDER_CANCELLED_V1 = new EventType("io.portage.erp.order-cancelled.v1",
            ErpOrderCancelled.class, Topics.ERP);

    public static final EventType ERP_PICKING_DONE_V1 = new EventType("io.portage.erp.picking-done.v1",
            ErpPickingDone.class, Topics.ERP);

    public static final EventType ERP_INVOICE_POSTED_V1 = new EventType("io.portage.erp.invoice-posted.v1",
            ErpInvoicePosted.class, Topics.ERP);

    private static final List<EventType> ALL = Stream
            .of(ORDER_RECEIVED_V1, ORDER_ACCEPTED_V1, ORDER_REJECTED_V1, ORDER_RELEASED_V1, ORDER_RELEASED_V2,
                    ORDER_CANCELLED_V1, ORDER_CHANGED_V1,
                    APPOINTMENT_BOOKED_V1, APPOINTMENT_RESCHEDULED_V1, APPOINTMENT_MISSED_V1, APPOINTMENT_AT_RISK_V1,
                    TRAILER_CHECKED_IN_V1,
                    DOCK_ASSIGNED_V1, UNLOADING_STARTED_V1, UNLOADING_COMPLETED_V1, LOADING_STARTED_V1, LOADING_COMPLETED_V1,
                    TRAILER_CHECKED_OUT_V1, DETENTION_STARTED_V1, DETENTION_CHARGED_V1, APPOINTMENT_CANCELLED_V1,
                    DETENTION_CHARGED_V2,
                    RECEIPT_LINE_CONFIRMED_V1,
                    PICK_CONFIRMED_V1, PACK_CONFIRMED_V1, SHIP_CONFIRMED_V1, YARD_SCAN_RECORDED_V1, RECEIPT_ADVISED_V1,
                    SHIPMENT_CREATED_V1,
                    CARRIER_STATUS_REPORTED_V1,
                    LABEL_GENERATED_V1,
                    SHIPMENT_DISPATCHED_V1,
                    TRACKING_UPDATED_V1, DELIVERY_EXCEPTION_REPORTED_V1, PROOF_OF_DELIVERY_RECEIVED_V1, RETURN_INITIATED_V1,
                    RETURN_RECEIVED_V1, LABEL_GENERATED_V2, SHIPMENT_CANCELLED_V1, RETURN_LABEL_GENERATED_V1,
                    FREIGHT_CHARGE_CONFIRMED_V1,
                    FREIGHT_ACCRUED_V1, INVOICE_RELEASED_V1,
                    CARRIER_INVOICE_RECEIVED_V1, CARRIER_INVOICE_MATCHED_V1, CARRIER_INVOICE_DISPUTED_V1, REFUND_RELEASED_V1,
                    ERP_ORDER_CONFIRMED_V1, ERP_ORDER_CANCELLED_V1, ERP_PICKING_DONE_V1, ERP_INVOICE_POSTED_V1)
            .sorted(Comparator.comparingInt((EventType type) -> Topics.ALL.indexOf(type.topic()))
                    .thenComparing(EventType::type))
            .toList();

    private EventCatalog() {
    }

    /** Every catalogued type, by topic (in {@link Topics#ALL} order), then by type name. */
    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(eventType -> eventType.type().equals(type)).findFirst();
    }
}

package io.portage.contracts;

import static io.portage.contracts.EventCatalog.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * One realistic instance per catalogued type, as a morning at warehouse WH1 produces them: Northwind's order, the
 * inbound Swift Freight trailer, the outbound DHL shipment and its invoices. Optional fields are filled, so the
 * round trip covers them; the tests null them separately.
 */
public final class EventSamples {

    static final String ORDER = "3f1c9a52-7d4e-4b1a-9c2e-5a8b7d6e4f10";
    static final String INBOUND = "8a2d4c61-0b3f-4e5a-a6c7-1d2e3f4a5b60";
    static final String OUTBOUND = "c4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70";
    static final String SHIPMENT = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d80";
    static final String RETURN = "e1f2a3b4-c5d6-4e7f-9a0b-1c2d3e4f5a60";
    static final String CHARGE = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c30";
    static final String INVOICE = "1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d40";
    static final String CARRIER_INVOICE = "2c3d4e5f-6a7b-4c8d-ae9f-0a1b2c3d4e50";
    static final String REFUND = "3d4e5f6a-7b8c-4d9e-bf0a-1b2c3d4e5f60";

    private static final Map<EventType, Object> ALL = new LinkedHashMap<>();

    static {
        // orders
        ALL.put(ORDER_RECEIVED_V1, new OrderReceived(ORDER, "northwind-shop", "NW-10042", "northwind", "WH1",
                new OrderReceived.Customer("Ada Lovelace", "ada@example.com",
                        new OrderReceived.Address("12 Dock Road", "Rotterdam", "3011 AA", "NL")),
                List.of(new OrderReceived.Line("SKU-CHAIR-01", new BigDecimal("2")),
                        new OrderReceived.Line("SKU-DESK-07", new BigDecimal("1.5"))),
                at("08:15:30")));
        ALL.put(ORDER_ACCEPTED_V1, new OrderAccepted(ORDER, "northwind", "WH1", at("17:00:00"), at("08:15:31")));
        ALL.put(ORDER_REJECTED_V1, new OrderRejected(ORDER, "northwind", OrderRejected.ReasonCode.UNKNOWN_SKU,
                "SKU-DESK-07 is not in Northwind's catalogue at WH1.", at("08:15:31")));
        ALL.put(ORDER_RELEASED_V1, new OrderReleased(ORDER, "northwind", "WH1",
                List.of(new OrderReleased.Line(1, "SKU-CHAIR-01", new BigDecimal("2")),
                        new OrderReleased.Line(2, "SKU-DESK-07", new BigDecimal("1.5"))),
                at("16:00:00"), at("09:00:00")));
        ALL.put(ORDER_RELEASED_V2, new OrderReleasedV2(ORDER, "northwind-shop", "NW-10042", "northwind", "WH1",
                new OrderReleasedV2.Fulfiller(OrderReleasedV2.FulfillerType.THIRD_PARTY, "acme-3pl"),
                new OrderReceived.Customer("Ada Lovelace", "ada@example.com",
                        new OrderReceived.Address("12 Dock Road", "Rotterdam", "3011 AA", "NL")),
                List.of(new OrderReleasedV2.Line(1, "PT-CHAIR-01", "SKU-CHAIR-01", new BigDecimal("2")),
                        new OrderReleasedV2.Line(2, "PT-DESK-01", "SKU-DESK-07", new BigDecimal("1.5"))),
                new OrderReleasedV2.Erp("sale.order/42", "S00042", List.of(97L)), at("16:00:00"), at("09:00:00")));
        ALL.put(ORDER_CANCELLED_V1, new OrderCancelled(ORDER, "northwind", OrderCancelled.ReasonCode.CUSTOMER_REQUEST,
                "Customer ordered the wrong colour.",
                new OrderCancelled.Actor(OrderCancelled.ActorType.PARTNER, "northwind-shop"), at("09:30:00")));
        ALL.put(ORDER_CHANGED_V1, new OrderChanged(ORDER, "northwind", "WH1",
                new OrderChanged.Customer("Ada Lovelace", null,
                        new OrderChanged.Address("14 Dock Road", "Rotterdam", "3011 AB", "NL")),
                List.of(new OrderChanged.Line("SKU-CHAIR-01", new BigDecimal("3"))),
                new OrderChanged.Actor(OrderChanged.ActorType.PARTNER, "northwind-shop"), at("08:40:00")));
        // yard
        ALL.put(APPOINTMENT_BOOKED_V1, new AppointmentBooked(INBOUND, "WH1", "D04", "INBOUND", "Swift Freight",
                "PO-88121", "swift", at("07:00:00"), at("08:00:00"), Instant.parse("2026-11-23T09:12:00Z")));
        ALL.put(APPOINTMENT_RESCHEDULED_V1, new AppointmentRescheduled(INBOUND, "WH1", "D06", at("07:00:00"),
                at("08:00:00"), at("09:00:00"), at("10:00:00"), "Trailer delayed at the border.", at("06:10:00")));
        ALL.put(APPOINTMENT_MISSED_V1, new AppointmentMissed(INBOUND, "WH1", "D06", at("09:00:00"), at("10:00:00"),
                at("10:30:00")));
        ALL.put(APPOINTMENT_AT_RISK_V1, new AppointmentAtRisk(INBOUND, "WH1", "D06", "Swift Freight", at("09:00:00"),
                at("10:00:00"), at("09:55:00"), "TELEMATICS", 55, at("08:10:00")));
        ALL.put(TRAILER_CHECKED_IN_V1, new TrailerCheckedIn(INBOUND, "WH1", "Swift Freight", "SWFU 123456-7",
                "NL-12-XYZ", "SEAL-0042871", at("09:05:00")));
        ALL.put(DOCK_ASSIGNED_V1, new DockAssigned(INBOUND, "WH1", "D06", at("09:12:00")));
        ALL.put(UNLOADING_STARTED_V1, new UnloadingStarted(INBOUND, "WH1", "D06", at("09:20:00")));
        ALL.put(UNLOADING_COMPLETED_V1, new UnloadingCompleted(INBOUND, "WH1", "D06", 26, at("10:05:00")));
        ALL.put(LOADING_STARTED_V1, new LoadingStarted(OUTBOUND, "WH1", "D02", at("14:00:00")));
        ALL.put(LOADING_COMPLETED_V1, new LoadingCompleted(OUTBOUND, "WH1", "D02", 18, "SEAL-0042990", at("14:40:00")));
        ALL.put(TRAILER_CHECKED_OUT_V1, new TrailerCheckedOut(INBOUND, "WH1", "SWFU 123456-7", null, at("12:45:00")));
        ALL.put(DETENTION_STARTED_V1, new DetentionStarted(INBOUND, "WH1", "Swift Freight", 120, at("11:05:00")));
        ALL.put(DETENTION_CHARGED_V1, new DetentionCharged(INBOUND, "WH1", "Swift Freight", 100, Money.of("62.50", "EUR"),
                at("12:50:00")));
        ALL.put(DETENTION_CHARGED_V2, new DetentionChargedV2(INBOUND, "WH1", "swift", "V-0042", 90, Money.of("75.00", "EUR"),
                at("07:00:00"), at("07:40:00"), DetentionChargedV2.ClockStart.LATE_ARRIVAL, at("07:40:00"), at("11:05:00"), 120,
                Money.of("50.00", "EUR"), 30, Money.of("200.00", "EUR"), at("11:05:00")));
        ALL.put(APPOINTMENT_CANCELLED_V1, new AppointmentCancelled(INBOUND, "WH1", "D06", at("09:00:00"), at("10:00:00"),
                "swift", "Order moved to next week.", at("06:30:00")));
        // warehouse
        ALL.put(RECEIPT_LINE_CONFIRMED_V1, new ReceiptLineConfirmed("ASN-2026-004471", "WH1", INBOUND, 3, "SKU-CHAIR-01",
                new BigDecimal("120"), new BigDecimal("114"), new BigDecimal("4"), new BigDecimal("2"), at("10:40:00")));
        ALL.put(PICK_CONFIRMED_V1, new PickConfirmed(ORDER, "WH1",
                List.of(new PickConfirmed.Line(1, "SKU-CHAIR-01", new BigDecimal("2"), "A-12-03"),
                        new PickConfirmed.Line(2, "SKU-DESK-07", new BigDecimal("1.5"), "C-02-01")),
                "picker-117", at("11:20:00")));
        ALL.put(PACK_CONFIRMED_V1, new PackConfirmed(ORDER, "WH1",
                List.of(new PackConfirmed.Parcel("387123450000012345", new BigDecimal("18.4"),
                        List.of(new PackConfirmed.Line("SKU-CHAIR-01", new BigDecimal("2")))),
                        new PackConfirmed.Parcel("387123450000012352", new BigDecimal("31.25"),
                                List.of(new PackConfirmed.Line("SKU-DESK-07", new BigDecimal("1.5"))))),
                at("11:45:00")));
        ALL.put(SHIP_CONFIRMED_V1, new ShipConfirmed(ORDER, "3pl-rotterdam", "UPSN", "1Z999AA10123456784", "SHP-88121",
                List.of(new ShipConfirmed.Line(1, "SKU-CHAIR-01", new BigDecimal("2"), new BigDecimal("2")),
                        new ShipConfirmed.Line(2, "SKU-DESK-07", new BigDecimal("1.5"), new BigDecimal("1"))),
                at("14:05:00")));
        ALL.put(RECEIPT_ADVISED_V1, new ReceiptAdvised("3f1d2c4b-5a69-3e7f-8a1b-2c3d4e5f6071", "3pl-rotterdam", "RCV-20417",
                null, "PO-88121", "ASN-55120",
                List.of(new ReceiptAdvised.Line(1, "SKU-CHAIR-01", new BigDecimal("40"), "EA", ReceiptAdvised.Condition.GOOD),
                        new ReceiptAdvised.Line(2, "SKU-CHAIR-01", new BigDecimal("2"), "EA",
                                ReceiptAdvised.Condition.DAMAGED)),
                at("11:20:00")));
        ALL.put(CARRIER_STATUS_REPORTED_V1, new CarrierStatusReported("PRO-44817", "freightline", "FRLN", "BOL-2026-0042",
                "X6", "NS", at("15:30:00"), "Utrecht", null, "NL"));
        ALL.put(YARD_SCAN_RECORDED_V1, new YardScanRecorded("V-0042", "WH1", YardScanRecorded.Movement.GATE_IN, "PO-88121",
                "Swift Freight", "J. Smit", "SWFU 123456-7", "SEAL-0042871", null, null, null, at("08:55:00")));
        // shipments
        ALL.put(SHIPMENT_CREATED_V1, new ShipmentCreated(SHIPMENT, ORDER, "northwind", "WH1", "NL",
                ShipmentCreated.ServiceLevel.STANDARD, at("08:15:31")));
        ALL.put(LABEL_GENERATED_V1, new LabelGenerated(SHIPMENT, "DHL Parcel", "JVGL0612345678901234",
                LabelGenerated.LabelFormat.ZPL, 2, at("11:50:00")));
        ALL.put(SHIPMENT_DISPATCHED_V1, new ShipmentDispatched(SHIPMENT, "DHL Parcel", "JVGL0612345678901234", OUTBOUND,
                2, at("14:45:00")));
        ALL.put(TRACKING_UPDATED_V1, new TrackingUpdated(SHIPMENT, "JVGL0612345678901234", "SORTED",
                "Sorted at the Utrecht hub.", new TrackingUpdated.Location("Utrecht", "NL"),
                Instant.parse("2026-11-25T16:00:00Z"), at("22:10:00")));
        ALL.put(DELIVERY_EXCEPTION_REPORTED_V1, new DeliveryExceptionReported(SHIPMENT, "JVGL0612345678901234",
                DeliveryExceptionReported.ExceptionType.RECIPIENT_ABSENT, "NH", "Nobody home; card left.",
                Instant.parse("2026-11-25T11:32:00Z")));
        ALL.put(PROOF_OF_DELIVERY_RECEIVED_V1, new ProofOfDeliveryReceived(SHIPMENT, "JVGL0612345678901234",
                ProofOfDeliveryReceived.ProofType.SIGNATURE, "A. Lovelace",
                "https://pod.dhl.example/JVGL0612345678901234.pdf", Instant.parse("2026-11-26T10:02:00Z"),
                Instant.parse("2026-11-26T10:05:13Z")));
        ALL.put(RETURN_INITIATED_V1, new ReturnInitiated(SHIPMENT, RETURN, ReturnInitiated.ReasonCode.DAMAGED,
                List.of(new ReturnInitiated.Line("SKU-CHAIR-01", new BigDecimal("1"))),
                Instant.parse("2026-11-27T09:00:00Z")));
        ALL.put(RETURN_RECEIVED_V1, new ReturnReceived(SHIPMENT, RETURN, "WH1",
                List.of(new ReturnReceived.Line("SKU-CHAIR-01", new BigDecimal("1"), ReturnReceived.Condition.DAMAGED)),
                Instant.parse("2026-11-30T13:20:00Z")));
        ALL.put(LABEL_GENERATED_V2, new LabelGeneratedV2(SHIPMENT, "parcelco", "Ground", "PC1Z0612345678901234",
                LabelGenerated.LabelFormat.ZPL, 2, Money.of("14.90", "EUR"), at("11:50:00")));
        ALL.put(SHIPMENT_CANCELLED_V1, new ShipmentCancelled(SHIPMENT, ORDER, "CUSTOMER_REQUEST: changed my mind",
                at("10:05:00")));
        ALL.put(RETURN_LABEL_GENERATED_V1, new ReturnLabelGenerated(SHIPMENT, RETURN, "parcelco", "Ground Return",
                "PC1Z0698765432109876", LabelGenerated.LabelFormat.PDF, Money.of("6.20", "EUR"),
                Instant.parse("2026-11-27T09:04:00Z")));
        // finance
        ALL.put(FREIGHT_CHARGE_CONFIRMED_V1, new FreightChargeConfirmed(CHARGE, SHIPMENT, "northwind", "DHL Parcel",
                Money.of("14.90", "EUR"), at("14:46:00")));
        ALL.put(FREIGHT_ACCRUED_V1, new FreightAccrued(CHARGE, SHIPMENT, "DHL Parcel", Money.of("14.90", "EUR"),
                "2026-11", Instant.parse("2026-11-30T23:00:00Z")));
        ALL.put(INVOICE_RELEASED_V1, new InvoiceReleased(INVOICE, "northwind", "PI-2026-11-0042", Money.of("1249.30", "EUR"),
                LocalDate.parse("2026-12-31"), List.of(CHARGE), Instant.parse("2026-12-01T06:00:00Z")));
        ALL.put(CARRIER_INVOICE_RECEIVED_V1, new CarrierInvoiceReceived(CARRIER_INVOICE, "DHL Parcel", "DHL/NL/2026/118832",
                LocalDate.parse("2026-12-02"), Money.of("16.40", "EUR"),
                List.of(new CarrierInvoiceReceived.Line("JVGL0612345678901234", Money.of("16.40", "EUR"))),
                Instant.parse("2026-12-03T08:00:00Z")));
        ALL.put(CARRIER_INVOICE_MATCHED_V1, new CarrierInvoiceMatched(CARRIER_INVOICE, "DHL Parcel", "DHL/NL/2026/118832",
                Money.of("14.90", "EUR"), List.of(CHARGE), Instant.parse("2026-12-03T08:00:02Z")));
        ALL.put(CARRIER_INVOICE_DISPUTED_V1, new CarrierInvoiceDisputed(CARRIER_INVOICE, "DHL Parcel", "DHL/NL/2026/118832",
                CarrierInvoiceDisputed.ReasonCode.RATE_MISMATCH, "Rate card 2026 prices NL parcels up to 31.5 kg at 14.90.",
                Money.of("1.50", "EUR"), Instant.parse("2026-12-03T08:00:02Z")));
        ALL.put(REFUND_RELEASED_V1, new RefundReleased(REFUND, ORDER, "northwind", Money.of("89.00", "EUR"),
                RefundReleased.ReasonCode.DAMAGED, Instant.parse("2026-12-01T10:00:00Z")));
        ALL.put(ERP_ORDER_CONFIRMED_V1, new ErpOrderConfirmed("sale.order/25", "main", 25, "S00025",
                ORDER, 10, "Northwind Traders", List.of(17L), Instant.parse("2026-11-23T08:14:05Z")));
        ALL.put(ERP_ORDER_CANCELLED_V1, new ErpOrderCancelled("sale.order/26", "main", 26, "S00026",
                "NW-PO-7731", Instant.parse("2026-11-23T09:02:41Z")));
        ALL.put(ERP_PICKING_DONE_V1, new ErpPickingDone("stock.picking/17", "main", 17, "WH/OUT/00012",
                "S00025", "YourCompany: Delivery Orders", 25L, "JVGL0612345678901234",
                Instant.parse("2026-11-23T11:40:12Z"), Instant.parse("2026-11-23T11:40:12Z")));
        ALL.put(ERP_INVOICE_POSTED_V1, new ErpInvoicePosted("account.move/42", "main", 42, "INV/2026/00042",
                "out_invoice", "PORTAGE-INV-2026-0042", "S00025", 10L, "Northwind Traders", new BigDecimal("1249.30"),
                LocalDate.parse("2026-11-23"), Instant.parse("2026-11-23T16:00:00Z")));
    }

    private EventSamples() {
    }

    /** The samples, in the order written. */
    public static Map<EventType, Object> all() {
        return ALL;
    }

    public static Object of(EventType type) {
        Object sample = ALL.get(type);
        if (sample == null) {
            throw new AssertionError("No sample for " + type.type() + ": add one to EventSamples");
        }
        return sample;
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-24T" + time + "Z");
    }
}

package io.portage.shipment.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentLine;

/** A shipment as the API shows it. */
public record ShipmentView(UUID id, UUID orderId, String partnerId, String warehouse, String status, ShipTo shipTo,
        Fulfiller fulfiller, String serviceLevel, int lineCount, BigDecimal totalQuantity, String correlationId,
        Instant plannedAt, Instant shipBy, LabelView label, Instant dispatchedAt, Instant cancelledAt,
        String cancelReason, List<LineView> lines, List<LineView> shippedLines, int splitSeq, OdooView odoo) {

    /** A line: Odoo's SKU and a quantity. */
    public record LineView(String sku, BigDecimal quantity) {
    }

    /** Where the shipment lives in Odoo: its sale order and the delivery picking it ships, as far as known. */
    public record OdooView(Long saleOrderId, String saleOrderName, Long pickingId, String pickingName) {
    }

    /** Where the shipment goes (the street stays with the carrier's label). */
    public record ShipTo(String name, String city, String postalCode, String country) {
    }

    /** Who picks and ships it: {@code WAREHOUSE} or {@code THIRD_PARTY}, and its id. */
    public record Fulfiller(String type, String id) {
    }

    /** The label bought: carrier, service, master tracking number, cost, document, and each parcel with its own number. */
    public record LabelView(String carrier, String service, String trackingNumber, BigDecimal amount, String currency,
            String labelUrl, String format, Instant labelledAt, List<ParcelView> parcels) {
    }

    /** One labelled parcel. */
    public record ParcelView(BigDecimal weightKg, int lengthCm, int widthCm, int heightCm, String trackingNumber) {
    }

    static ShipmentView of(Shipment shipment) {
        Shipment.ShipTo shipTo = shipment.shipTo();
        LabelView label = shipment.label()
                .map(l -> new LabelView(l.carrier(), l.service(), l.trackingNumber(), l.amount(), l.currency(),
                        l.labelUrl(), l.format(), shipment.labelledAt(), shipment.parcels()
                                .stream()
                                .map(p -> new ParcelView(p.parcel().weightKg(), p.parcel().lengthCm(),
                                        p.parcel().widthCm(), p.parcel().heightCm(), p.trackingNumber()))
                                .toList()))
                .orElse(null);
        return new ShipmentView(shipment.id(), shipment.orderId(), shipment.partnerId(), shipment.warehouse(),
                shipment.status().name(), new ShipTo(shipTo.name(), shipTo.city(), shipTo.postalCode(), shipTo.country()),
                shipment.fulfiller().type() == null
                        ? null
                        : new Fulfiller(shipment.fulfiller().type(), shipment.fulfiller().id()),
                shipment.serviceLevel(), shipment.lineCount(), shipment.totalQuantity(), shipment.correlationId(),
                shipment.plannedAt(), shipment.shipBy(), label, shipment.dispatchedAt(), shipment.cancelledAt(),
                shipment.cancelReason(), lines(shipment.contents().lines()), lines(shipment.contents().shipped()),
                shipment.splitSeq(), new OdooView(shipment.odoo().orderId(), shipment.odoo().orderName(),
                        shipment.odoo().pickingId(), shipment.odoo().pickingName()));
    }

    private static List<LineView> lines(List<ShipmentLine> lines) {
        return lines.stream().map(line -> new LineView(line.sku(), line.quantity())).toList();
    }
}

package io.portage.edi.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A dispatched shipment as its customer's 856 tells it, in the customer's terms: the shipment (its id, carrier SCAC,
 * tracking number, parcels, ship date, ship-to), the order it fulfils (purchase order and Portage's order name) and
 * what left, by pack (SSCC-18) when the packs are known, else by line.
 */
public record ShipNotice(
        String shipmentNumber,
        Instant shippedAt,
        String scac,
        String trackingNumber,
        int parcels,
        ShippingOrder.ShipTo shipTo,
        String purchaseOrder,
        String orderName,
        String customerOrder,
        List<Pack> packs,
        List<Item> items) {

    public ShipNotice {
        packs = List.copyOf(packs);
        items = List.copyOf(items);
    }

    /** One parcel: its SSCC-18 and what is in it. */
    public record Pack(String sscc, List<Item> items) {

        public Pack {
            items = List.copyOf(items);
        }
    }

    /** A line shipped: the customer's product code and qualifier, the quantity and unit. */
    public record Item(int lineNumber, String productQualifier, String productId, BigDecimal quantity, String unit) {
    }

    /** The units shipped, over every pack or line. */
    public BigDecimal totalQuantity() {
        List<Item> all = packs.isEmpty() ? items : packs.stream().flatMap(pack -> pack.items().stream()).toList();
        return all.stream().map(Item::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

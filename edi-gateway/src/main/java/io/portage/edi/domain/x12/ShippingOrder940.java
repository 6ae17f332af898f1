package io.portage.edi.domain.x12;

import java.time.format.DateTimeFormatter;

import io.portage.edi.domain.ShippingOrder;

/** The content of one X12 940 Warehouse Shipping Order (W05, N1 loops, G62, LX/W01 lines, W76). */
public final class ShippingOrder940 {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private ShippingOrder940() {
    }

    public static X12Writer.SetContent of(ShippingOrder order) {
        return out -> {
            out.segment("W05", "N", order.depositorOrderNumber(), order.purchaseOrderNumber());
            ShippingOrder.ShipTo shipTo = order.shipTo();
            out.segment("N1", "ST", shipTo.name());
            out.segment("N3", shipTo.street());
            out.segment("N4", shipTo.city(), null, shipTo.postalCode(), shipTo.country());
            out.segment("N1", "WH", null, "91", order.warehouseCode());
            if (order.shipBy() != null) {
                out.segment("G62", "10", DATE.format(order.shipBy()));
            }
            for (ShippingOrder.Line line : order.lines()) {
                out.segment("LX", Integer.toString(line.lineNumber()));
                out.segment("W01", line.quantity().stripTrailingZeros().toPlainString(), line.unit(), null,
                        line.productQualifier(), line.productId());
            }
            out.segment("W76", order.totalQuantity().stripTrailingZeros().toPlainString());
        };
    }
}

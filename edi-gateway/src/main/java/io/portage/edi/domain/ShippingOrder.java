package io.portage.edi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order released to a 3PL as the 940 says it: the depositor order number the 3PL answers with (the ERP's order name,
 * at most 22 characters), the ship-to, the requested ship date and the lines in the partner's own product codes.
 */
public record ShippingOrder(
        String orderId,
        String depositorOrderNumber,
        String purchaseOrderNumber,
        String warehouseCode,
        ShipTo shipTo,
        LocalDate shipBy,
        List<Line> lines) {

    /** Where the goods go. */
    public record ShipTo(String name, String street, String city, String postalCode, String country) {
    }

    /** One line in the partner's terms: its product code, qualifier and unit. */
    public record Line(int lineNumber, String sku, String productQualifier, String productId, BigDecimal quantity,
            String unit) {
    }

    public BigDecimal totalQuantity() {
        return lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package io.portage.edi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A 3PL's 945 as Portage reads it: which order (by depositor order number) left, when, how and how much per line. */
public record ShippingAdvice(
        String depositorOrderNumber,
        String shipmentReference,
        LocalDate shippedOn,
        String carrier,
        String trackingNumber,
        List<Line> lines) {

    /** One line: the partner's product code and the quantities ordered and shipped. */
    public record Line(int lineNumber, String productId, BigDecimal orderedQuantity, BigDecimal shippedQuantity) {
    }
}

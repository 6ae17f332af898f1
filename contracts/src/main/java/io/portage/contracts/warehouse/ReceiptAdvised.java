package io.portage.contracts.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A third-party warehouse advised what it received into stock (its X12 944), per line: the SKU, the quantity and its
 * condition, against the purchase order or ship notice it names; what it says, for the receiving side to match
 * ({@code io.portage.warehouse.receipt-advised.v1} on {@code portage.warehouse}, subject = {@code receiptId}).
 */
@RegisterForReflection
public record ReceiptAdvised(
        String receiptId,
        String site,
        String warehouseReceiptNumber,
        String depositorOrderNumber,
        String purchaseOrderNumber,
        String shipNoticeNumber,
        List<Line> lines,
        Instant receivedAt) {

    /** One line received: the SKU, the quantity in a unit, and in what condition. */
    @RegisterForReflection
    public record Line(int lineNumber, String sku, BigDecimal quantity, String unit, Condition condition) {
    }

    /** GOOD into stock; the rest as the warehouse's exception detail says. */
    @RegisterForReflection
    public enum Condition {
        GOOD, DAMAGED, OVERAGE, SHORTAGE, REJECTED
    }
}

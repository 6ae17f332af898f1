package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of a payment provider's balance transaction export as read: its id, type (charge, refund, payout...), source
 * object, gross amount, fee and net in the currency (net = amount - fee), when it was created and becomes available,
 * its reporting category and payout, and the order its metadata names (or null).
 */
public record PayoutLine(int row, String id, String type, String source, BigDecimal amount, BigDecimal fee, BigDecimal net,
        String currency, Instant created, Instant availableOn, String reportingCategory, String payout, String orderId) {

    /** Whether this is an order's payment or its refund, to be matched to the order. */
    public boolean isOrderPayment() {
        return switch (type) {
            case "charge", "payment", "refund", "payment_refund" -> true;
            default -> false;
        };
    }
}

package io.portage.yard.domain;

import java.math.BigDecimal;

/**
 * Holds a confirmed receipt line against its purchase order line: a product not on the order, damaged goods, less than
 * expected, or more than the order still has to receive is a discrepancy for a person; anything else matches.
 */
public final class ReceiptCheck {

    /** Kinds of discrepancy. */
    public enum Discrepancy {
        NO_APPOINTMENT, UNKNOWN_PRODUCT, DAMAGED, SHORT, OVER
    }

    /** A discrepancy (null: matched) and its evidence. */
    public record Verdict(Discrepancy discrepancy, String evidence) {
    }

    private ReceiptCheck() {
    }

    /**
     * The verdict for a line of {@code sku}: {@code order} null when the appointment names no order with that product,
     * {@code outstanding} what that order line still has to receive.
     */
    public static Verdict check(String sku, BigDecimal expected, BigDecimal received, BigDecimal shortQuantity,
            BigDecimal damaged, String order, BigDecimal outstanding) {
        String counted = "expected " + plain(expected) + ", received " + plain(received) + ", short " + plain(shortQuantity)
                + ", damaged " + plain(damaged);
        if (order == null) {
            return new Verdict(Discrepancy.UNKNOWN_PRODUCT, sku + " is on none of the appointment's purchase orders; "
                    + counted);
        }
        String against = "; " + order + " still to receive " + plain(outstanding);
        if (damaged.signum() > 0) {
            return new Verdict(Discrepancy.DAMAGED, counted + against);
        }
        if (shortQuantity.signum() > 0 || received.compareTo(expected) < 0 || received.compareTo(outstanding) < 0) {
            return new Verdict(Discrepancy.SHORT, counted + against);
        }
        if (received.compareTo(outstanding) > 0) {
            return new Verdict(Discrepancy.OVER, counted + against);
        }
        return new Verdict(null, counted + against);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

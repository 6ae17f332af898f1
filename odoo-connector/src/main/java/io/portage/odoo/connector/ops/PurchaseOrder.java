package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A {@code purchase.order} as a dock appointment is checked against: name (P00013), state
 * ({@code draft|sent|to approve|purchase|done|cancel}), vendor and the vendor's reference, the earliest planned
 * arrival, its receipts, Odoo's {@code receipt_status} and the lines' ordered and received quantities.
 */
public record PurchaseOrder(long id, String name, String state, Long partnerId, String partnerRef,
        Instant datePlanned, List<Long> pickingIds, String receiptStatus, List<Line> lines) {

    /** One line: product, {@code product_qty} ordered, {@code qty_received}. */
    public record Line(long id, Long productId, BigDecimal ordered, BigDecimal received) {

        public BigDecimal outstanding() {
            return ordered.subtract(received).max(BigDecimal.ZERO);
        }
    }

    /** Confirmed (state {@code purchase}); a draft, sent or cancelled order is not one to receive against. */
    public boolean confirmed() {
        return "purchase".equals(state) || "done".equals(state);
    }

    /**
     * Whether every line received what it ordered, by quantities: Odoo's {@code receipt_status} says {@code full} after
     * a short receipt closed without a backorder (ODOO.md), so it is not asked.
     */
    public boolean fullyReceived() {
        return lines.stream().allMatch(line -> line.received().compareTo(line.ordered()) >= 0);
    }
}

package io.portage.yard.client;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.PurchaseOrder;
import io.portage.odoo.connector.ops.ScrapRequest;
import io.smallrye.mutiny.Uni;

/**
 * Odoo's side of receiving: products by SKU ({@code product.product.default_code}), a purchase order's lines still to
 * receive and its receipt, and the receipt validated (with or without a backorder) with damaged goods scrapped after
 * it, as ODOO.md describes; through the connector.
 */
@ApplicationScoped
public class ReceiptClient {

    private final OdooOperations odoo;

    public ReceiptClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** A purchase order as receiving needs it: its receipt (the first incoming picking) and, per product, what is still to receive. */
    public record OrderToReceive(String name, long receiptId, Map<Long, BigDecimal> outstanding) {
    }

    public Uni<Map<String, Long>> products(Collection<String> skus) {
        return CallerContext.emitOnCaller(odoo.findProducts(skus));
    }

    /** The order, or null when Odoo has none by that name or it has no receipt. */
    public Uni<OrderToReceive> order(String name) {
        return CallerContext.emitOnCaller(odoo.purchases().findByName(name).map(order -> {
            if (order == null || order.pickingIds().isEmpty()) {
                return null;
            }
            Map<Long, BigDecimal> outstanding = new LinkedHashMap<>();
            for (PurchaseOrder.Line line : order.lines()) {
                outstanding.merge(line.productId(), line.outstanding(), BigDecimal::add);
            }
            return new OrderToReceive(order.name(), Collections.min(order.pickingIds()), outstanding);
        }));
    }

    /**
     * Validates the receipt with {@code arrived} per product (a backorder for the rest when {@code backorder}), then
     * scraps {@code damaged} per product under {@code origin}. A done receipt and a scrap made before are left as they are.
     */
    public Uni<Void> receive(long receiptId, Map<Long, BigDecimal> arrived, boolean backorder, Map<Long, BigDecimal> damaged,
            String origin) {
        Uni<Void> done = odoo.stock().validateReceipt(receiptId, arrived, backorder).replaceWithVoid();
        for (Map.Entry<Long, BigDecimal> scrap : damaged.entrySet()) {
            done = done.chain(() -> odoo.stock()
                    .scrap(new ScrapRequest(scrap.getKey(), scrap.getValue(), receiptId, origin))
                    .replaceWithVoid());
        }
        return CallerContext.emitOnCaller(done);
    }
}

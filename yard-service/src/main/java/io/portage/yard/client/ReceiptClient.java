package io.portage.yard.client;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.OdooClient;
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

    /** States of a picking that can no longer be received. */
    private static final Set<String> CLOSED = Set.of("done", "cancel");

    private final OdooOperations odoo;
    private final OdooClient client;

    public ReceiptClient(OdooOperations odoo, OdooClient client) {
        this.odoo = odoo;
        this.client = client;
    }

    /**
     * A purchase order as receiving needs it: its open receipt (the first incoming picking neither done nor cancelled:
     * after a short receipt, the backorder) and, per product, what is still to receive.
     */
    public record OrderToReceive(String name, long receiptId, Map<Long, BigDecimal> outstanding) {
    }

    public Uni<Map<String, Long>> products(Collection<String> skus) {
        return CallerContext.emitOnCaller(odoo.findProducts(skus));
    }

    /** The order, or null when Odoo has none by that name or no receipt of it is open. */
    public Uni<OrderToReceive> order(String name) {
        return CallerContext.emitOnCaller(odoo.purchases().findByName(name).chain(order -> {
            if (order == null || order.pickingIds().isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            return client.retrying(() -> client.once().read("stock.picking", order.pickingIds(), List.of("state")))
                    .map(pickings -> {
                        Long open = pickings.stream()
                                .filter(picking -> !CLOSED.contains(picking.path("state").asText()))
                                .map(picking -> picking.path("id").asLong())
                                .min(Long::compare)
                                .orElse(null);
                        if (open == null) {
                            return null;
                        }
                        Map<Long, BigDecimal> outstanding = new LinkedHashMap<>();
                        for (PurchaseOrder.Line line : order.lines()) {
                            outstanding.merge(line.productId(), line.outstanding(), BigDecimal::add);
                        }
                        return new OrderToReceive(order.name(), open, outstanding);
                    });
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

package io.portage.shipment.client;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.OrderResult;
import io.portage.odoo.connector.ops.Picking;
import io.smallrye.mutiny.Uni;

/**
 * shipment-service's calls to Odoo, through the connector's idempotent operations (timeouts, retries, circuit breaker
 * live there): the sale order by its client reference, products by SKU, the delivery picking (the order's first or a
 * backorder), the carrier and tracking reference written, the delivery validated, a return made and received. Answers
 * come back on the caller's Vert.x context, where its database session lives.
 */
@ApplicationScoped
public class OdooDeliveryClient {

    private final OdooOperations odoo;

    public OdooDeliveryClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** The sale order with this {@code client_order_ref}, or null. */
    public Uni<OrderResult> saleOrder(String clientOrderRef) {
        return CallerContext.emitOnCaller(odoo.sales().findOrder(clientOrderRef));
    }

    /** Product ids by SKU ({@code default_code}); SKUs Odoo does not know are absent. */
    public Uni<Map<String, Long>> products(Collection<String> skus) {
        return CallerContext.emitOnCaller(odoo.findProducts(skus));
    }

    /** The sale order's first delivery (its outgoing picking that is no backorder), or null. */
    public Uni<Picking> firstDelivery(long saleOrderId) {
        return CallerContext.emitOnCaller(odoo.stock().firstDelivery(saleOrderId));
    }

    /** The backorder Odoo made of {@code pickingId}, or null. */
    public Uni<Picking> backorderOf(long pickingId) {
        return CallerContext.emitOnCaller(odoo.stock().backorderOf(pickingId));
    }

    /** Writes the carrier (when Odoo's carrier id is configured) and the tracking reference. */
    public Uni<Picking> prepare(long pickingId, Long carrierId, String trackingRef) {
        return CallerContext.emitOnCaller(odoo.stock().prepareDelivery(pickingId, carrierId, trackingRef));
    }

    /** Validates the delivery with these quantities (a done one is answered as it is), a backorder for the rest. */
    public Uni<Picking> validate(long pickingId, Map<Long, BigDecimal> shipped, boolean backorder) {
        return CallerContext.emitOnCaller(odoo.stock().validateDelivery(pickingId, shipped, backorder));
    }

    /** The return of {@code returned} from the delivery, known by {@code reference}, made once and received. */
    public Uni<Picking> returnDelivery(long deliveryId, Map<Long, BigDecimal> returned, String reference) {
        return CallerContext.emitOnCaller(odoo.refunds().returnDelivery(deliveryId, returned, false, reference));
    }
}

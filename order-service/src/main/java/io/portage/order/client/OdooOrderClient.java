package io.portage.order.client;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.OrderLine;
import io.portage.odoo.connector.ops.OrderRequest;
import io.portage.odoo.connector.ops.PartnerRef;
import io.portage.order.domain.Customer;
import io.portage.order.domain.OdooOrder;
import io.portage.order.domain.Order;
import io.smallrye.mutiny.Uni;

/**
 * order-service's calls to Odoo, through the connector's idempotent operations (timeouts, retries, circuit breaker and
 * batching live there): the customer found or created by its reference, the sale order created and confirmed by its
 * {@code client_order_ref}. Answers come back on the caller's Vert.x context, where its database session lives.
 */
@ApplicationScoped
public class OdooOrderClient {

    private final OdooOperations odoo;

    public OdooOrderClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** The ids of Odoo's active products with these SKUs; SKUs Odoo does not know are absent. */
    public Uni<Map<String, Long>> findProducts(Collection<String> skus) {
        return CallerContext.emitOnCaller(odoo.findProducts(skus));
    }

    /**
     * Creates (or finds) the customer and creates and confirms the sale order for {@code order}; repeating it after a
     * timeout finds what the first call made. {@code productIds} maps each line's Odoo SKU to its product id.
     */
    public Uni<OdooOrder> createAndConfirm(Order order, Map<String, Long> productIds) {
        Customer customer = order.customer();
        PartnerRef partner = new PartnerRef(customerRef(order), customer.name(), customer.email(), false,
                new PartnerRef.Address(customer.street(), customer.city(), customer.postalCode(), customer.country()));
        List<OrderLine> lines = order.lines()
                .stream()
                .map(line -> new OrderLine(productIds.get(line.productSku()), line.quantity(), null))
                .toList();
        return CallerContext.emitOnCaller(odoo.findOrCreatePartner(partner)
                .chain(partnerId -> odoo.createAndConfirmOrder(new OrderRequest(clientOrderRef(order), partnerId, lines)))
                .map(result -> new OdooOrder(result.id(), result.name(), result.pickingIds())));
    }

    /** The sale order's customer reference in Odoo: the intake's idempotency key, {@code <channel>:<external id>}. */
    public static String clientOrderRef(Order order) {
        return order.intake().channel() + ":" + order.intake().externalId();
    }

    /**
     * The customer's reference in Odoo: the channel and the e-mail (or, without one, name and postal code), so the same
     * shopper ordering twice is one partner.
     */
    public static String customerRef(Order order) {
        Customer customer = order.customer();
        String who = customer.email() != null && !customer.email().isBlank()
                ? customer.email().trim().toLowerCase(java.util.Locale.ROOT)
                : customer.name().trim() + "/" + customer.postalCode().trim();
        String ref = order.intake().channel() + ":" + who;
        return ref.length() <= 200 ? ref : ref.substring(0, 200);
    }
}

package io.portage.order.client;

import java.util.Collection;
import java.util.LinkedHashMap;
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
 * batching live there): customers found or created by their reference, many at once, and the sale order created and
 * confirmed by its {@code client_order_ref}. Answers come back on the caller's Vert.x context, where its database session lives.
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
     * The Odoo partner ids of these orders' customers by their reference ({@link #customerRef}), found or created in one
     * {@code search_read} and one {@code create} of the missing ones. Two callers racing on a new reference would both
     * create it (Odoo does not serialize them): callers hold the reference's claim while this runs.
     */
    public Uni<Map<String, Long>> findOrCreateCustomers(Collection<Order> orders) {
        Map<String, PartnerRef> customers = new LinkedHashMap<>();
        for (Order order : orders) {
            customers.computeIfAbsent(customerRef(order), ref -> partner(ref, order.customer()));
        }
        return CallerContext.emitOnCaller(odoo.partners().findOrCreateCustomers(List.copyOf(customers.values())));
    }

    /**
     * Creates and confirms the sale order for {@code order} for the customer {@code partnerId}; repeating it after a
     * timeout finds what the first call made (by {@code client_order_ref}). {@code productIds} maps each line's SKU to
     * its product id. Orders handed over at once share Odoo's calls (the connector's batcher).
     */
    public Uni<OdooOrder> createAndConfirm(Order order, long partnerId, Map<String, Long> productIds) {
        List<OrderLine> lines = order.lines()
                .stream()
                .map(line -> new OrderLine(productIds.get(line.productSku()), line.quantity(), null))
                .toList();
        return CallerContext.emitOnCaller(odoo.createAndConfirmOrder(new OrderRequest(clientOrderRef(order), partnerId,
                lines)).map(result -> new OdooOrder(result.id(), result.name(), result.pickingIds())));
    }

    private static PartnerRef partner(String ref, Customer customer) {
        return new PartnerRef(ref, customer.name(), customer.email(), false,
                new PartnerRef.Address(customer.street(), customer.city(), customer.postalCode(), customer.country()));
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

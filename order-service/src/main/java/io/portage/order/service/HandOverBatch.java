package io.portage.order.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.error.OdooValidationException;
import io.portage.odoo.sync.MasterData;
import io.portage.odoo.sync.OdooInstances;
import io.portage.order.client.OdooOrderClient;
import io.portage.order.domain.OdooOrder;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderLine;
import io.portage.order.repository.CustomerClaims;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The Odoo side of one hand-over pass, in as few calls as the orders allow: the Odoo instance checked (its ids must be
 * the ones Portage holds), the products of every order from the master-data cache (one Odoo call for the SKUs it
 * lacks), the customers of every order in one {@code search_read} and one {@code create} under their claims, and the
 * sale orders created, confirmed and read together (the connector's batcher: one call each, refused records bisected
 * out). Each order gets its own result.
 */
@ApplicationScoped
class HandOverBatch {

    /** What Odoo made of one order. */
    sealed interface Result {
    }

    /** Created and confirmed in Odoo. */
    record Confirmed(OdooOrder odoo) implements Result {
    }

    /** SKUs neither the cache nor Odoo knows. */
    record UnknownSkus(Set<String> skus) implements Result {
    }

    /** Not handed over: Odoo refused it, was away, or is not the instance Portage's ids came from. */
    record Failed(Throwable failure) implements Result {
    }

    private final OdooOrderClient odoo;
    private final MasterData masterData;
    private final OdooInstances instances;
    private final CustomerClaims claims;

    HandOverBatch(OdooOrderClient odoo, MasterData masterData, OdooInstances instances, CustomerClaims claims) {
        this.odoo = odoo;
        this.masterData = masterData;
        this.instances = instances;
        this.claims = claims;
    }

    /** Hands {@code orders} to Odoo together; a failure that concerns them all (Odoo away, another instance) fails all. */
    Uni<Map<UUID, Result>> send(List<Order> orders) {
        return instances.requireBound()
                .chain(bound -> productIds(orders).map(products -> new Bound(bound.boundFingerprint(), products)))
                .chain(bound -> {
                    String instance = bound.instance();
                    Map<String, Long> products = bound.products();
                    Map<UUID, Result> results = new LinkedHashMap<>();
                    List<Order> ready = new ArrayList<>();
                    for (Order order : orders) {
                        Set<String> missing = new TreeSet<>();
                        order.lines()
                                .stream()
                                .map(OrderLine::productSku)
                                .filter(sku -> !products.containsKey(sku))
                                .forEach(missing::add);
                        if (missing.isEmpty()) {
                            ready.add(order);
                        } else {
                            results.put(order.id(), new UnknownSkus(missing));
                        }
                    }
                    return ready.isEmpty()
                            ? Uni.createFrom().item(results)
                            : customers(ready).chain(partners -> confirm(ready, partners, products, instance))
                                    .map(confirmed -> {
                                        results.putAll(confirmed);
                                        return results;
                                    });
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    Map<UUID, Result> all = new LinkedHashMap<>();
                    orders.forEach(order -> all.put(order.id(), new Failed(failure)));
                    return all;
                });
    }

    /** Odoo's product ids for the orders' SKUs: from the master-data cache, and from Odoo for what it lacks. */
    private Uni<Map<String, Long>> productIds(List<Order> orders) {
        Set<String> skus = new TreeSet<>();
        orders.forEach(order -> order.lines().stream().map(OrderLine::productSku).forEach(skus::add));
        return Panache.withSession(() -> masterData.productsBySku(skus)).chain(cached -> {
            Map<String, Long> ids = new HashMap<>();
            cached.forEach((sku, entry) -> {
                if (entry.active()) {
                    ids.put(sku, entry.odooId());
                }
            });
            Set<String> rest = new TreeSet<>(skus);
            rest.removeAll(ids.keySet());
            return rest.isEmpty()
                    ? Uni.createFrom().item(ids)
                    : odoo.findProducts(rest).map(found -> {
                        ids.putAll(found);
                        return ids;
                    });
        });
    }

    /**
     * Each order's customer id, or Odoo's refusal of that customer: all customers in one call pair under their claims;
     * when Odoo refuses one of them, each customer again on its own, so the refusal holds only its own orders.
     */
    private Uni<Map<String, Object>> customers(List<Order> orders) {
        return claimed(orders).map(ids -> (Map<String, Object>) new HashMap<String, Object>(ids))
                .onFailure(failure -> failure instanceof OdooValidationException && refs(orders).size() > 1)
                .recoverWithUni(() -> one(orders, new ArrayList<>(refs(orders)), new HashMap<>()));
    }

    private Uni<Map<String, Object>> one(List<Order> orders, List<String> refs, Map<String, Object> found) {
        if (refs.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        String ref = refs.remove(0);
        List<Order> ofRef = orders.stream().filter(order -> OdooOrderClient.customerRef(order).equals(ref)).toList();
        return claimed(ofRef).map(ids -> (Object) ids.get(ref))
                .onFailure()
                .recoverWithItem(failure -> failure)
                .chain(outcome -> {
                    found.put(ref, outcome);
                    return one(orders, refs, found);
                });
    }

    /** Finds or creates the orders' customers while holding their claims (one transaction, locks released at its end). */
    private Uni<Map<String, Long>> claimed(List<Order> orders) {
        return Panache.withTransaction(() -> claims.claim(refs(orders)).chain(() -> odoo.findOrCreateCustomers(orders)));
    }

    private static Set<String> refs(List<Order> orders) {
        Set<String> refs = new TreeSet<>();
        orders.forEach(order -> refs.add(OdooOrderClient.customerRef(order)));
        return refs;
    }

    /** The sale orders created and confirmed at once (the connector batches them); each its own result. */
    private record Bound(String instance, Map<String, Long> products) {
    }

    private Uni<Map<UUID, Result>> confirm(List<Order> orders, Map<String, Object> customers,
            Map<String, Long> products, String instance) {
        List<Uni<Result>> each = new ArrayList<>();
        for (Order order : orders) {
            Object customer = customers.get(OdooOrderClient.customerRef(order));
            each.add(customer instanceof Long partnerId
                    ? odoo.createAndConfirm(order, partnerId, products)
                            .<Result>map(odooOrder -> new Confirmed(odooOrder.in(instance)))
                            .onFailure()
                            .recoverWithItem(Failed::new)
                    : Uni.createFrom()
                            .item(new Failed(customer instanceof Throwable failure
                                    ? failure
                                    : new IllegalStateException("Odoo answered no id for customer "
                                            + OdooOrderClient.customerRef(order)))));
        }
        return Uni.join().all(each).andFailFast().map(results -> {
            Map<UUID, Result> byOrder = new LinkedHashMap<>();
            for (int i = 0; i < orders.size(); i++) {
                byOrder.put(orders.get(i).id(), results.get(i));
            }
            return byOrder;
        });
    }
}

package io.portage.odoo.connector.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.OdooConfig;
import io.portage.odoo.connector.error.OdooMissingException;
import io.portage.odoo.connector.ops.OdooBatcher.Outcome;
import io.smallrye.mutiny.Uni;

/**
 * Sale orders in Odoo, keyed by {@code client_order_ref}: created and confirmed once however often asked (batched
 * with {@code portage.odoo.batch.enabled}: the orders of one window share one search, one create, one confirm and one
 * read), and read back many at a time.
 */
public final class SalesOperations {

    static final List<String> ORDER_FIELDS = List.of("id", "name", "state", "picking_ids");
    private static final Set<String> UNCONFIRMED = Set.of("draft", "sent");

    private final OdooClient client;
    private final OdooBatcher<OrderRequest, OrderResult> orders;

    SalesOperations(OdooClient client) {
        this.client = client;
        OdooConfig.Batch batch = client.batching();
        this.orders = batch != null && batch.enabled()
                ? new OdooBatcher<>("sale.order create+confirm", batch.maxSize(), batch.maxDelay(),
                        this::createAndConfirmOrders)
                : null;
    }

    /**
     * Creates and confirms the sale order keyed by {@code client_order_ref}: an existing order with that ref is
     * confirmed if still a quotation and returned as it is otherwise, so repeating never makes a second order.
     * Batched, the orders of one window share one search, one create, one confirm and one read.
     */
    public Uni<OrderResult> createAndConfirmOrder(OrderRequest order) {
        Rows.requireText(order.clientOrderRef(), "client_order_ref");
        if (orders != null) {
            return orders.submit(order);
        }
        return client.retrying(() -> once()
                .search("sale.order", List.of(List.of("client_order_ref", "=", order.clientOrderRef())), 1)
                .chain(found -> found.isEmpty()
                        ? once().create("sale.order", orderVals(order))
                        : Uni.createFrom().item(found.get(0)))
                .chain(id -> readOrder(id).chain(current -> UNCONFIRMED.contains(current.state())
                        ? once().callOnRecords("sale.order", "action_confirm", List.of(id), Map.of())
                                .chain(ignored -> readOrder(id))
                        : Uni.createFrom().item(current))));
    }

    /** The order with this {@code client_order_ref}, if Odoo has one. */
    public Uni<OrderResult> findOrder(String clientOrderRef) {
        return client.calls()
                .searchRead("sale.order", List.of(List.of("client_order_ref", "=", clientOrderRef)),
                        ORDER_FIELDS, 0, 1, "id")
                .map(rows -> rows.isEmpty() ? null : order(rows.get(0)));
    }

    /**
     * The name, state and pickings of many orders in one {@code read}, by order id (the hand-over's last step). Odoo
     * answers a deleted order with a MissingError for the whole call ({@code OdooMissingException}).
     */
    public Uni<Map<Long, OrderResult>> readOrders(List<Long> orderIds) {
        List<Long> ids = orderIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.calls().read("sale.order", ids, ORDER_FIELDS).map(rows -> {
            Map<Long, OrderResult> byId = new LinkedHashMap<>();
            rows.forEach(row -> byId.put(row.path("id").asLong(), order(row)));
            return byId;
        });
    }

    /**
     * One batch of orders: one {@code search_read} of all refs, one {@code create} of the missing ones, one
     * {@code action_confirm} of those not confirmed yet, one {@code read}; a ref asked twice is made once. The whole
     * batch is retried like a single order (it looks up before it creates); an error of Odoo's that one order causes
     * fails only that order (the call is split in halves until it is found).
     */
    private Uni<List<Outcome<OrderResult>>> createAndConfirmOrders(List<OrderRequest> requests) {
        Map<String, OrderRequest> byRef = new LinkedHashMap<>();
        requests.forEach(request -> byRef.putIfAbsent(request.clientOrderRef(), request));
        return client.retrying(() -> createAndConfirmOnce(byRef))
                .map(outcomes -> requests.stream().map(request -> outcomes.get(request.clientOrderRef())).toList());
    }

    private Uni<Map<String, Outcome<OrderResult>>> createAndConfirmOnce(Map<String, OrderRequest> byRef) {
        List<String> refs = new ArrayList<>(byRef.keySet());
        Map<String, Outcome<OrderResult>> outcomes = new HashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, String> states = new HashMap<>();
        return once().searchRead("sale.order", List.of(List.of("client_order_ref", "in", refs)),
                List.of("id", "client_order_ref", "state"), 0, 0, "id")
                .chain(rows -> {
                    for (JsonNode row : rows) {
                        String ref = row.path("client_order_ref").asText();
                        if (!ids.containsKey(ref)) {
                            ids.put(ref, row.path("id").asLong());
                            states.put(ref, row.path("state").asText());
                        }
                    }
                    List<String> missing = refs.stream().filter(ref -> !ids.containsKey(ref)).toList();
                    return BatchSplit.splitOnRecordError(missing, part -> createOrders(part, byRef), outcomes);
                })
                .chain(created -> {
                    created.forEach(results -> ids.putAll(results));
                    List<String> unconfirmed = refs.stream()
                            .filter(ref -> ids.containsKey(ref)
                                    && (!states.containsKey(ref) || UNCONFIRMED.contains(states.get(ref))))
                            .toList();
                    return BatchSplit.splitOnRecordError(unconfirmed, part -> once()
                            .callOnRecords("sale.order", "action_confirm", part.stream().map(ids::get).toList(),
                                    Map.of())
                            .replaceWith(Map.<String, Long>of()), outcomes);
                })
                .chain(() -> {
                    List<Long> done = refs.stream()
                            .filter(ref -> ids.containsKey(ref) && !outcomes.containsKey(ref))
                            .map(ids::get)
                            .toList();
                    return done.isEmpty()
                            ? Uni.createFrom().item(List.<JsonNode>of())
                            : once().read("sale.order", done, ORDER_FIELDS);
                })
                .map(rows -> {
                    Map<Long, OrderResult> read = new HashMap<>();
                    rows.forEach(row -> read.put(row.path("id").asLong(), order(row)));
                    for (String ref : refs) {
                        if (outcomes.containsKey(ref)) {
                            continue;
                        }
                        OrderResult result = ids.containsKey(ref) ? read.get(ids.get(ref)) : null;
                        outcomes.put(ref, result != null
                                ? Outcome.of(result)
                                : Outcome.failed(new OdooMissingException("odoo.exceptions.MissingError",
                                        "sale.order " + ref + " not found")));
                    }
                    return outcomes;
                });
    }

    /** {@code create} of the orders of these refs in one call: their ids by ref, in order. */
    private Uni<Map<String, Long>> createOrders(List<String> refs, Map<String, OrderRequest> byRef) {
        List<Map<String, Object>> vals = refs.stream().map(ref -> orderVals(byRef.get(ref))).toList();
        return once().execute("sale.order", "create", List.of(vals), Map.of())
                .map(created -> Rows.createdByKey("sale.order", refs, created));
    }

    Uni<OrderResult> readOrder(long id) {
        return once().read("sale.order", List.of(id), ORDER_FIELDS).map(rows -> {
            if (rows.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "sale.order " + id + " not found");
            }
            return order(rows.get(0));
        });
    }

    private static Map<String, Object> orderVals(OrderRequest order) {
        List<Object> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Map<String, Object> vals = new LinkedHashMap<>();
            vals.put("product_id", line.productId());
            vals.put("product_uom_qty", line.quantity().doubleValue());
            if (line.priceUnit() != null) {
                vals.put("price_unit", line.priceUnit().doubleValue());
            }
            lines.add(List.of(0, 0, vals));
        }
        Map<String, Object> vals = new LinkedHashMap<>();
        if (order.partnerId() > 0) {
            vals.put("partner_id", order.partnerId());
        }
        vals.put("client_order_ref", order.clientOrderRef());
        vals.put("order_line", lines);
        return vals;
    }

    static OrderResult order(JsonNode row) {
        return new OrderResult(row.path("id").asLong(), row.path("name").asText(), row.path("state").asText(),
                Rows.ids(row.path("picking_ids")));
    }

    private OdooCalls once() {
        return client.once();
    }
}

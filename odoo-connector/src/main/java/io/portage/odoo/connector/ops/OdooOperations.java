package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.OdooConfig;
import io.portage.odoo.connector.error.OdooAuthException;
import io.portage.odoo.connector.error.OdooException;
import io.portage.odoo.connector.error.OdooMissingException;
import io.portage.odoo.connector.ops.OdooBatcher.Outcome;
import io.smallrye.mutiny.Uni;

/**
 * The typed, idempotent Odoo operations the services call; each looks up by a unique reference before it creates, so
 * the whole operation is retried after a timeout or a concurrency error without making a second record. With
 * {@code portage.odoo.batch.enabled}, concurrent order creations and picking updates share their Odoo calls.
 */
@Singleton
public class OdooOperations {

    private static final List<String> ORDER_FIELDS = List.of("id", "name", "state", "picking_ids");
    private static final List<String> PICKING_FIELDS = List.of("id", "name", "state", "origin", "carrier_tracking_ref",
            "scheduled_date", "move_ids");
    private static final Set<String> UNCONFIRMED = Set.of("draft", "sent");
    private static final List<String> MOVE_FIELDS = List.of("id", "name", "state", "move_type", "ref", "amount_total",
            "currency_id", "reversed_entry_id");

    private final OdooClient client;
    private final Map<String, Long> countries = new ConcurrentHashMap<>();
    private final OdooBatcher<OrderRequest, OrderResult> orders;
    private final OdooBatcher<PickingUpdate, Picking> pickings;

    /** One caller's update of a picking: the absolute values to write. */
    private record PickingUpdate(long pickingId, Map<String, Object> vals) {
    }

    @Inject
    public OdooOperations(OdooClient client) {
        this.client = client;
        OdooConfig.Batch batch = client.batching();
        if (batch != null && batch.enabled()) {
            this.orders = new OdooBatcher<>("sale.order create+confirm", batch.maxSize(), batch.maxDelay(),
                    this::createAndConfirmOrders);
            this.pickings = new OdooBatcher<>("stock.picking write", batch.maxSize(), batch.maxDelay(),
                    this::updatePickings);
        } else {
            this.orders = null;
            this.pickings = null;
        }
    }

    /** The partner whose {@code ref} is {@code partner.ref()}; created only when no partner has that ref. */
    public Uni<Long> findOrCreatePartner(PartnerRef partner) {
        requireText(partner.ref(), "partner ref");
        return client.retrying(() -> once().search("res.partner", List.of(List.of("ref", "=", partner.ref())), 1)
                .chain(found -> {
                    if (!found.isEmpty()) {
                        return Uni.createFrom().item(found.get(0));
                    }
                    Map<String, Object> vals = new LinkedHashMap<>();
                    vals.put("ref", partner.ref());
                    vals.put("name", partner.name());
                    vals.put("is_company", partner.company());
                    if (partner.email() != null) {
                        vals.put("email", partner.email());
                    }
                    if (partner.address() == null) {
                        return once().create("res.partner", vals);
                    }
                    vals.put("street", partner.address().street());
                    vals.put("city", partner.address().city());
                    vals.put("zip", partner.address().zip());
                    return countryId(partner.address().countryCode()).chain(country -> {
                        if (country != null) {
                            vals.put("country_id", country);
                        }
                        return once().create("res.partner", vals);
                    });
                }));
    }

    /** Odoo's id of the country with this ISO code (null when Odoo has none), remembered once found. */
    private Uni<Long> countryId(String code) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        Long known = countries.get(code);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return once().search("res.country", List.of(List.of("code", "=", code)), 1).map(found -> {
            if (found.isEmpty()) {
                return null;
            }
            countries.put(code, found.get(0));
            return found.get(0);
        });
    }

    /** The product whose {@code default_code} is {@code product.defaultCode()}; created with the version's type fields. */
    public Uni<Long> findOrCreateProduct(ProductRef product) {
        requireText(product.defaultCode(), "product default code");
        return client.retrying(() -> once()
                .search("product.product", List.of(List.of("default_code", "=", product.defaultCode())), 1)
                .chain(found -> {
                    if (!found.isEmpty()) {
                        return Uni.createFrom().item(found.get(0));
                    }
                    return client.version().chain(version -> {
                        Map<String, Object> vals = new LinkedHashMap<>();
                        vals.put("default_code", product.defaultCode());
                        vals.put("name", product.name());
                        vals.putAll(ProductTypes.typeValues(version, product.storable()));
                        return once().create("product.product", vals);
                    });
                }));
    }

    /**
     * The ids of the active products with these {@code default_code}s, by code; codes Odoo does not know are absent.
     * Reads only: an unknown product is for a person to create, never for an order to invent.
     */
    public Uni<Map<String, Long>> findProducts(Collection<String> defaultCodes) {
        List<String> codes = defaultCodes.stream().distinct().toList();
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.retrying(() -> once().searchRead("product.product", List.of(List.of("default_code", "in", codes)),
                List.of("id", "default_code"), 0, 0, "id").map(rows -> {
                    Map<String, Long> ids = new LinkedHashMap<>();
                    for (JsonNode row : rows) {
                        ids.putIfAbsent(row.path("default_code").asText(), row.path("id").asLong());
                    }
                    return ids;
                }));
    }

    /**
     * Creates and confirms the sale order keyed by {@code client_order_ref}: an existing order with that ref is
     * confirmed if still a quotation and returned as it is otherwise, so repeating never makes a second order.
     * Batched, the orders of one window share one search, one create, one confirm and one read.
     */
    public Uni<OrderResult> createAndConfirmOrder(OrderRequest order) {
        requireText(order.clientOrderRef(), "client_order_ref");
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

    /** The pickings of a sale order. */
    public Uni<List<Picking>> orderPickings(long orderId) {
        return client.retrying(() -> readOrder(orderId).chain(order -> readPickings(order.pickingIds())));
    }

    /**
     * Sets a picking's carrier tracking reference and scheduled date (absolute values, so safe to repeat). Batched,
     * updates of the same picking within the window are merged (the newest value of each field wins) and every caller
     * gets the picking as written.
     */
    public Uni<Picking> updatePicking(long pickingId, String carrierTrackingRef, Instant scheduledDate) {
        Map<String, Object> vals = new LinkedHashMap<>();
        if (carrierTrackingRef != null) {
            vals.put("carrier_tracking_ref", carrierTrackingRef);
        }
        if (scheduledDate != null) {
            vals.put("scheduled_date", OdooDates.format(scheduledDate));
        }
        if (pickings != null) {
            return pickings.submit(new PickingUpdate(pickingId, vals));
        }
        return client.retrying(() -> once().write("stock.picking", List.of(pickingId), vals)
                .chain(ignored -> readPicking(pickingId)));
    }

    /**
     * Sets the done quantity of each move (by product id; moves of other products keep their demand) and validates the
     * picking, answering Odoo's immediate-transfer or backorder wizard; a picking already done is returned as it is.
     */
    public Uni<Picking> validatePicking(long pickingId, Map<Long, BigDecimal> doneByProduct, boolean createBackorder) {
        return client.retrying(() -> readPicking(pickingId).chain(picking -> {
            if ("done".equals(picking.state()) || "cancel".equals(picking.state())) {
                return Uni.createFrom().item(picking);
            }
            return once().read("stock.move", picking.moveIds(), List.of("id", "product_id", "product_uom_qty"))
                    .chain(moves -> setQuantities(moves, doneByProduct))
                    .chain(() -> once().callOnRecords("stock.picking", "button_validate", List.of(pickingId), Map.of()))
                    .chain(result -> answerWizard(pickingId, result, createBackorder))
                    .chain(() -> readPicking(pickingId));
        }));
    }

    /**
     * Creates and posts the {@code account.move} keyed by ({@code move_type}, {@code ref}): a move already there with
     * that type and ref (a first attempt that timed out after Odoo committed it, or an earlier call) is posted if still a
     * draft and returned as it is otherwise (posted, or cancelled by someone in Odoo), so repeating never makes a second
     * move or posts one twice. The whole operation is retried after unavailable or concurrency failures; Odoo's refusals
     * (validation, missing records, access) are not. The fields used have the same names in Odoo 17, 18 and 19 (as Odoo's
     * source shows), so nothing here depends on the version. What Portage can check itself (an entry that does not balance, an invoice without a
     * partner, ...) {@link MoveRequest} refuses when it is built, before any call.
     */
    public Uni<MoveResult> createAndPostMove(MoveRequest move) {
        if (move == null) {
            throw new IllegalArgumentException("move is required");
        }
        String type = move.kind().moveType();
        return client.retrying(() -> once().search("account.move", moveDomain(type, move.ref()), 1)
                .chain(found -> found.isEmpty()
                        ? currencyId(move.currency()).chain(currency -> once().create("account.move",
                                moveVals(move, currency)))
                        : Uni.createFrom().item(found.get(0)))
                .chain(id -> readMove(id).chain(current -> "draft".equals(current.state())
                        ? once().callOnRecords("account.move", "action_post", List.of(id), Map.of())
                                .chain(ignored -> readMove(id))
                        : Uni.createFrom().item(current))));
    }

    /** The move of this kind with this {@code ref} (the one with the lowest id if people made several), if Odoo has one. */
    public Uni<MoveResult> findMove(MoveKind kind, String ref) {
        if (kind == null) {
            throw new IllegalArgumentException("move kind is required");
        }
        requireText(ref, "ref");
        return client.calls()
                .searchRead("account.move", moveDomain(kind.moveType(), ref), MOVE_FIELDS, 0, 1, "id")
                .map(rows -> rows.isEmpty() ? null : move(rows.get(0)));
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
                    return splitOnRecordError(missing, part -> createOrders(part, byRef), outcomes);
                })
                .chain(created -> {
                    created.forEach(results -> ids.putAll(results));
                    List<String> unconfirmed = refs.stream()
                            .filter(ref -> ids.containsKey(ref)
                                    && (!states.containsKey(ref) || UNCONFIRMED.contains(states.get(ref))))
                            .toList();
                    return splitOnRecordError(unconfirmed, part -> once()
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
        return once().execute("sale.order", "create", List.of(vals), Map.of()).map(result -> {
            List<Long> created = ids(result);
            if (result.isNumber()) {
                created = List.of(result.asLong());
            }
            if (created.size() != refs.size()) {
                throw new IllegalStateException("Odoo created " + created.size() + " orders for " + refs.size());
            }
            Map<String, Long> byId = new LinkedHashMap<>();
            for (int i = 0; i < refs.size(); i++) {
                byId.put(refs.get(i), created.get(i));
            }
            return byId;
        });
    }

    /**
     * One batch of picking updates: updates of the same picking merged (newest value per field), one {@code write} per
     * distinct set of values over all pickings that end with it, one {@code read} of them all.
     */
    private Uni<List<Outcome<Picking>>> updatePickings(List<PickingUpdate> updates) {
        Map<Long, Map<String, Object>> merged = new LinkedHashMap<>();
        updates.forEach(update -> merged.computeIfAbsent(update.pickingId(), id -> new LinkedHashMap<>())
                .putAll(update.vals()));
        Map<Map<String, Object>, List<Long>> byVals = new LinkedHashMap<>();
        merged.forEach((id, vals) -> byVals.computeIfAbsent(vals, v -> new ArrayList<>()).add(id));
        return client.retrying(() -> updatePickingsOnce(new ArrayList<>(merged.keySet()), byVals))
                .map(outcomes -> updates.stream().map(update -> outcomes.get(update.pickingId())).toList());
    }

    private Uni<Map<Long, Outcome<Picking>>> updatePickingsOnce(List<Long> ids,
            Map<Map<String, Object>, List<Long>> byVals) {
        Map<Long, Outcome<Picking>> outcomes = new HashMap<>();
        Uni<Void> writes = Uni.createFrom().voidItem();
        for (Map.Entry<Map<String, Object>, List<Long>> group : byVals.entrySet()) {
            if (group.getKey().isEmpty()) {
                continue;
            }
            writes = writes.chain(() -> splitOnRecordError(group.getValue(), part -> once()
                    .write("stock.picking", part, group.getKey())
                    .replaceWith(Map.<Long, Long>of()), outcomes)).replaceWithVoid();
        }
        return writes.chain(() -> {
            List<Long> written = ids.stream().filter(id -> !outcomes.containsKey(id)).toList();
            return readPickings(written);
        }).map(read -> {
            Map<Long, Picking> byId = new HashMap<>();
            read.forEach(picking -> byId.put(picking.id(), picking));
            for (long id : ids) {
                if (!outcomes.containsKey(id)) {
                    Picking picking = byId.get(id);
                    outcomes.put(id, picking != null
                            ? Outcome.of(picking)
                            : Outcome.failed(new OdooMissingException("odoo.exceptions.MissingError",
                                    "stock.picking " + id + " not found")));
                }
            }
            return outcomes;
        });
    }

    /**
     * Runs {@code call} over all keys; when Odoo refuses the call for something a record causes (validation, missing
     * record, access, server error: the whole call was rolled back), runs it again over each half until every key has
     * its own answer, recording the failure of each key that fails alone in {@code failures}. Failures worth
     * repeating (unavailable, concurrency) and authentication failures end the whole batch.
     */
    private <K, V, R> Uni<List<Map<K, V>>> splitOnRecordError(List<K> keys, Function<List<K>, Uni<Map<K, V>>> call,
            Map<K, Outcome<R>> failures) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return call.apply(keys)
                .map(result -> List.of(result))
                .onFailure(OdooOperations::causedByRecord)
                .recoverWithUni(failure -> {
                    if (keys.size() == 1) {
                        failures.put(keys.get(0), Outcome.failed(failure));
                        return Uni.createFrom().item(List.of());
                    }
                    List<K> left = keys.subList(0, keys.size() / 2);
                    List<K> right = keys.subList(keys.size() / 2, keys.size());
                    return splitOnRecordError(left, call, failures)
                            .chain(first -> splitOnRecordError(right, call, failures).map(second -> {
                                List<Map<K, V>> all = new ArrayList<>(first);
                                all.addAll(second);
                                return all;
                            }));
                });
    }

    private static boolean causedByRecord(Throwable failure) {
        return failure instanceof OdooException odoo && !odoo.retryable() && !(odoo instanceof OdooAuthException);
    }

    private Uni<Void> setQuantities(List<JsonNode> moves, Map<Long, BigDecimal> doneByProduct) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode move : moves) {
            long productId = move.path("product_id").isArray()
                    ? move.path("product_id").path(0).asLong()
                    : move.path("product_id").asLong();
            BigDecimal quantity = doneByProduct == null || !doneByProduct.containsKey(productId)
                    ? move.path("product_uom_qty").decimalValue()
                    : doneByProduct.get(productId);
            Map<String, Object> vals = Map.of("quantity", quantity.doubleValue());
            long moveId = move.path("id").asLong();
            chain = chain.chain(() -> once().write("stock.move", List.of(moveId), vals)).replaceWithVoid();
        }
        return chain;
    }

    /** {@code button_validate} answers true, or an action opening a wizard to confirm (create it, then {@code process}). */
    private Uni<Void> answerWizard(long pickingId, JsonNode result, boolean createBackorder) {
        if (!result.isObject() || !result.hasNonNull("res_model")) {
            return Uni.createFrom().voidItem();
        }
        String wizard = result.get("res_model").asText();
        Map<String, Object> context = new LinkedHashMap<>();
        result.path("context").fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue()));
        Map<String, Object> kwargs = Map.of("context", context);
        String method = "stock.backorder.confirmation".equals(wizard) && !createBackorder
                ? "process_cancel_backorder"
                : "process";
        Map<String, Object> vals = Map.of("pick_ids", List.of(List.of(4, pickingId)));
        return once().execute(wizard, "create", List.of(vals), kwargs)
                .chain(id -> once().execute(wizard, method, List.of(List.of(id.isArray()
                        ? id.get(0).asLong()
                        : id.asLong())), kwargs))
                .replaceWithVoid();
    }

    private Uni<OrderResult> readOrder(long id) {
        return once().read("sale.order", List.of(id), ORDER_FIELDS).map(rows -> {
            if (rows.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "sale.order " + id + " not found");
            }
            return order(rows.get(0));
        });
    }

    private Uni<MoveResult> readMove(long id) {
        return once().read("account.move", List.of(id), MOVE_FIELDS).map(rows -> {
            if (rows.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "account.move " + id + " not found");
            }
            return move(rows.get(0));
        });
    }

    /** {@code account.move} has no {@code active} field: this finds moves in every state, cancelled ones included. */
    private static List<?> moveDomain(String moveType, String ref) {
        return List.of(List.of("move_type", "=", moveType), List.of("ref", "=", ref));
    }

    /** The {@code res.currency} id of an ISO code, archived currencies included (Odoo then refuses to post, saying so). */
    private Uni<Long> currencyId(String isoCode) {
        if (isoCode == null) {
            return Uni.createFrom().nullItem();
        }
        List<?> domain = List.of(List.of("name", "=", isoCode), List.of("active", "in", List.of(true, false)));
        return once().search("res.currency", domain, 1).map(found -> {
            if (found.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "res.currency " + isoCode + " not found");
            }
            return found.get(0);
        });
    }

    private static Map<String, Object> moveVals(MoveRequest move, Long currencyId) {
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("move_type", move.kind().moveType());
        vals.put("ref", move.ref());
        if (move.partnerId() > 0) {
            vals.put("partner_id", move.partnerId());
        }
        if (currencyId != null) {
            vals.put("currency_id", currencyId);
        }
        if (move.reversedEntryId() != null) {
            vals.put("reversed_entry_id", move.reversedEntryId());
        }
        List<Object> lines = new ArrayList<>();
        if (move.kind().invoice()) {
            if (move.date() != null) {
                vals.put("invoice_date", move.date().toString());
            }
            if (move.dueDate() != null) {
                vals.put("invoice_date_due", move.dueDate().toString());
            }
            for (MoveLine line : move.lines()) {
                Map<String, Object> lineVals = new LinkedHashMap<>();
                if (line.productId() != null) {
                    lineVals.put("product_id", line.productId());
                }
                if (line.label() != null) {
                    lineVals.put("name", line.label());
                }
                lineVals.put("quantity", line.quantity().doubleValue());
                if (line.priceUnit() != null) {
                    lineVals.put("price_unit", line.priceUnit().doubleValue());
                }
                if (line.accountId() != null) {
                    lineVals.put("account_id", line.accountId());
                }
                lines.add(List.of(0, 0, lineVals));
            }
            vals.put("invoice_line_ids", lines);
        } else {
            if (move.date() != null) {
                vals.put("date", move.date().toString());
            }
            for (MoveLine line : move.lines()) {
                Map<String, Object> lineVals = new LinkedHashMap<>();
                lineVals.put("account_id", line.accountId());
                if (line.label() != null) {
                    lineVals.put("name", line.label());
                }
                lineVals.put("debit", line.debit() == null ? 0.0 : line.debit().doubleValue());
                lineVals.put("credit", line.credit() == null ? 0.0 : line.credit().doubleValue());
                lines.add(List.of(0, 0, lineVals));
            }
            vals.put("line_ids", lines);
        }
        return vals;
    }

    private static MoveResult move(JsonNode row) {
        JsonNode currency = row.path("currency_id");
        JsonNode reversed = row.path("reversed_entry_id");
        return new MoveResult(row.path("id").asLong(), row.path("name").asText(), row.path("state").asText(),
                row.path("move_type").asText(), text(row.path("ref")), row.path("amount_total").decimalValue(),
                currency.isArray() ? currency.path(1).asText() : null,
                reversed.isArray() ? reversed.path(0).asLong() : null);
    }

    private Uni<Picking> readPicking(long id) {
        return readPickings(List.of(id)).map(rows -> {
            if (rows.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "stock.picking " + id + " not found");
            }
            return rows.get(0);
        });
    }

    private Uni<List<Picking>> readPickings(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return once().read("stock.picking", ids, PICKING_FIELDS)
                .map(rows -> rows.stream()
                        .map(row -> new Picking(
                                row.path("id").asLong(), row.path("name").asText(), row.path("state").asText(),
                                text(row.path("origin")), text(row.path("carrier_tracking_ref")),
                                OdooDates.parse(text(row.path("scheduled_date"))), ids(row.path("move_ids"))))
                        .toList());
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

    private static OrderResult order(JsonNode row) {
        return new OrderResult(row.path("id").asLong(), row.path("name").asText(), row.path("state").asText(),
                ids(row.path("picking_ids")));
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() || value.isBoolean() ? null : value.asText();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private OdooCalls once() {
        return client.once();
    }
}

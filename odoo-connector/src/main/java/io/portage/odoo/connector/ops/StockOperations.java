package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.OdooConfig;
import io.portage.odoo.connector.error.OdooMissingException;
import io.portage.odoo.connector.ops.OdooBatcher.Outcome;
import io.smallrye.mutiny.Uni;

/**
 * Deliveries and receipts ({@code stock.picking}): carrier and tracking reference, moves' quantities and
 * {@code picked}, validation with or without backorder (the SMS wizard avoided with {@code skip_sms}), damaged goods
 * scrapped. Every write is of absolute values and a done picking is left as it is, so each operation is safe to repeat.
 */
public final class StockOperations {

    static final List<String> PICKING_FIELDS = List.of("id", "name", "state", "origin", "carrier_tracking_ref",
            "scheduled_date", "move_ids");
    private static final List<String> MOVE_FIELDS = List.of("id", "product_id", "product_uom_qty", "quantity");

    private final OdooClient client;
    private final OdooBatcher<PickingUpdate, Picking> pickings;

    /** One caller's update of a picking: the absolute values to write. */
    private record PickingUpdate(long pickingId, Map<String, Object> vals) {
    }

    StockOperations(OdooClient client) {
        this.client = client;
        OdooConfig.Batch batch = client.batching();
        this.pickings = batch != null && batch.enabled()
                ? new OdooBatcher<>("stock.picking write", batch.maxSize(), batch.maxDelay(), this::updatePickings)
                : null;
    }

    /** The pickings of a sale order. */
    public Uni<List<Picking>> orderPickings(long orderId) {
        return client.retrying(() -> once().read("sale.order", List.of(orderId), List.of("picking_ids"))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        throw new OdooMissingException("odoo.exceptions.MissingError", "sale.order " + orderId
                                + " not found");
                    }
                    return readPickings(Rows.ids(rows.get(0).path("picking_ids")));
                }));
    }

    /**
     * A sale order's first delivery: its outgoing picking that is no backorder (the lowest id), whatever its state; null
     * when it has none. A shipment that ships the whole order, or the first part of it, acts on this picking.
     */
    public Uni<Picking> firstDelivery(long saleOrderId) {
        return client.retrying(() -> firstOf(List.of(List.of("sale_id", "=", saleOrderId), List.of("picking_type_code",
                "=", "outgoing"), List.of("backorder_id", "=", false))));
    }

    /** The backorder Odoo made when {@code pickingId} was validated short (not cancelled), or null when it made none. */
    public Uni<Picking> backorderOf(long pickingId) {
        return client.retrying(() -> firstOf(List.of(List.of("backorder_id", "=", pickingId), List.of("state", "!=",
                "cancel"))));
    }

    private Uni<Picking> firstOf(List<?> domain) {
        return once().searchRead("stock.picking", domain, List.of("id"), 0, 1, "id")
                .chain(rows -> rows.isEmpty()
                        ? Uni.createFrom().nullItem()
                        : readPicking(rows.get(0).path("id").asLong()));
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
     * Writes a delivery's carrier and tracking reference (absolute values). Give the tracking reference before
     * validating: with a carrier and none, Odoo's validation calls the carrier's shipping integration (ODOO.md).
     */
    public Uni<Picking> prepareDelivery(long pickingId, Long carrierId, String carrierTrackingRef) {
        Map<String, Object> vals = new LinkedHashMap<>();
        if (carrierId != null) {
            vals.put("carrier_id", carrierId);
        }
        if (carrierTrackingRef != null) {
            vals.put("carrier_tracking_ref", carrierTrackingRef);
        }
        return client.retrying(() -> (vals.isEmpty()
                ? Uni.createFrom().item(true)
                : once().write("stock.picking", List.of(pickingId), vals)).chain(ignored -> readPicking(pickingId)));
    }

    /**
     * Ships a delivery: each move of a product in {@code shippedByProduct} gets that {@code quantity} and
     * {@code picked: true}; moves of other products are left unpicked, so Odoo leaves them out (ODOO.md). Then
     * {@code button_validate} with {@code skip_sms} (no SMS wizard, whose answer would write the company's settings),
     * answering the backorder wizard: the rest becomes a backorder (keeping the carrier, not the tracking reference) or
     * is dropped. A done or cancelled delivery is returned as it is.
     */
    public Uni<Picking> validateDelivery(long pickingId, Map<Long, BigDecimal> shippedByProduct,
            boolean createBackorder) {
        if (shippedByProduct == null || shippedByProduct.isEmpty()) {
            throw new IllegalArgumentException("a delivery ships at least one product");
        }
        return client.retrying(() -> readPicking(pickingId).chain(picking -> {
            if (finished(picking)) {
                return Uni.createFrom().item(picking);
            }
            return once().read("stock.move", picking.moveIds(), MOVE_FIELDS)
                    .chain(moves -> writeMoves(moves, shippedByProduct, true))
                    .chain(() -> buttonValidate(pickingId, createBackorder))
                    .chain(() -> readPicking(pickingId));
        }));
    }

    /**
     * Receives goods: a receipt's moves arrive pre-filled with their demand; each product in
     * {@code receivedByProduct} gets the quantity received (others keep the demand). Short, the rest becomes a backorder
     * or the receipt closes without one (the purchase order's {@code receipt_status} then says {@code full}: compare its
     * lines' {@code qty_received}). A done receipt is returned as it is.
     */
    public Uni<Picking> validateReceipt(long receiptId, Map<Long, BigDecimal> receivedByProduct,
            boolean createBackorder) {
        return client.retrying(() -> readPicking(receiptId).chain(picking -> {
            if (finished(picking)) {
                return Uni.createFrom().item(picking);
            }
            return once().read("stock.move", picking.moveIds(), MOVE_FIELDS)
                    .chain(moves -> writeMoves(moves, receivedByProduct == null ? Map.of() : receivedByProduct, false))
                    .chain(() -> buttonValidate(receiptId, createBackorder))
                    .chain(() -> readPicking(receiptId));
        }));
    }

    /**
     * Scraps damaged goods of a receipt, keyed by {@code origin} (Portage's reference) and product: a scrap already made
     * is returned as it is, a draft one validated. When the location holds less, Odoo's insufficient-quantity wizard is
     * answered with {@code action_done}. Scrapping does not lower what the vendor bills ({@code qty_received}): to send
     * goods back, return the receipt.
     */
    public Uni<Scrap> scrap(ScrapRequest request) {
        List<?> domain = List.of(List.of("origin", "=", request.origin()), List.of("product_id", "=",
                request.productId()));
        return client.retrying(() -> once().search("stock.scrap", domain, 1).chain(found -> {
            if (!found.isEmpty()) {
                return Uni.createFrom().item(found.get(0));
            }
            Map<String, Object> vals = new LinkedHashMap<>();
            vals.put("product_id", request.productId());
            vals.put("scrap_qty", request.quantity().doubleValue());
            vals.put("origin", request.origin());
            if (request.pickingId() != null) {
                vals.put("picking_id", request.pickingId());
            }
            return once().create("stock.scrap", vals);
        })
                .chain(id -> readScrap(id).chain(scrap -> scrap.done()
                        ? Uni.createFrom().item(scrap)
                        : once().callOnRecords("stock.scrap", "action_validate", List.of(id), Map.of())
                                .chain(result -> WizardAnswers.answer(once(), result, Map.of(WizardAnswers.INSUFFICIENT_SCRAP,
                                        "action_done")))
                                .chain(ignored -> readScrap(id)))));
    }

    private Uni<Scrap> readScrap(long id) {
        return once().read("stock.scrap", List.of(id), List.of("id", "name", "state", "product_id", "scrap_qty"))
                .map(rows -> {
                    JsonNode row = rows.get(0);
                    return new Scrap(id, row.path("name").asText(), row.path("state").asText(),
                            Rows.id(row.path("product_id")), row.path("scrap_qty").decimalValue());
                });
    }

    /**
     * Sets the done quantity of each move (by product id; moves of other products keep their demand) and validates the
     * picking with {@code skip_sms}, answering the backorder wizard; a picking already done is returned as it is.
     */
    public Uni<Picking> validatePicking(long pickingId, Map<Long, BigDecimal> doneByProduct, boolean createBackorder) {
        return client.retrying(() -> readPicking(pickingId).chain(picking -> {
            if ("done".equals(picking.state()) || "cancel".equals(picking.state())) {
                return Uni.createFrom().item(picking);
            }
            return once().read("stock.move", picking.moveIds(), List.of("id", "product_id", "product_uom_qty"))
                    .chain(moves -> setQuantities(moves, doneByProduct))
                    .chain(() -> buttonValidate(pickingId, createBackorder))
                    .chain(() -> readPicking(pickingId));
        }));
    }

    /** {@code button_validate} with {@code skip_sms}, answering the backorder wizard by {@code createBackorder}. */
    private Uni<JsonNode> buttonValidate(long pickingId, boolean createBackorder) {
        return once().callOnRecords("stock.picking", "button_validate", List.of(pickingId), Map.of("context",
                Map.of("skip_sms", true)))
                .chain(result -> WizardAnswers.answer(once(), result, WizardAnswers.backorder(createBackorder)));
    }

    private static boolean finished(Picking picking) {
        return "done".equals(picking.state()) || "cancel".equals(picking.state());
    }

    /** Absolute quantities per product; with {@code pick}, those moves are {@code picked} and the others not. */
    private Uni<Void> writeMoves(List<JsonNode> moves, Map<Long, BigDecimal> byProduct, boolean pick) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode move : moves) {
            BigDecimal quantity = byProduct.get(Rows.id(move.path("product_id")));
            if (quantity == null) {
                continue;
            }
            Map<String, Object> vals = new LinkedHashMap<>();
            vals.put("quantity", quantity.doubleValue());
            if (pick) {
                vals.put("picked", true);
            }
            long moveId = move.path("id").asLong();
            chain = chain.chain(() -> once().write("stock.move", List.of(moveId), vals)).replaceWithVoid();
        }
        return chain;
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
            writes = writes.chain(() -> BatchSplit.splitOnRecordError(group.getValue(), part -> once()
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

    Uni<Picking> readPicking(long id) {
        return readPickings(List.of(id)).map(rows -> {
            if (rows.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "stock.picking " + id + " not found");
            }
            return rows.get(0);
        });
    }

    Uni<List<Picking>> readPickings(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return once().read("stock.picking", ids, PICKING_FIELDS)
                .map(rows -> rows.stream()
                        .map(row -> new Picking(
                                row.path("id").asLong(), row.path("name").asText(), row.path("state").asText(),
                                Rows.text(row.path("origin")), Rows.text(row.path("carrier_tracking_ref")),
                                OdooDates.parse(Rows.text(row.path("scheduled_date"))), Rows.ids(row.path("move_ids"))))
                        .toList());
    }

    private OdooCalls once() {
        return client.once();
    }
}

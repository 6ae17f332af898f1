package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.error.OdooConflictException;
import io.portage.odoo.connector.error.OdooMissingException;
import io.smallrye.mutiny.Uni;

/**
 * Returns of deliveries and credit notes of invoices, one way only: after a return with {@code to_refund} Odoo's
 * invoicing makes a credit note by itself (ODOO.md's trap), so a delivery whose order already has a credit note is not
 * returned with {@code to_refund}, and an invoice whose order has a return with {@code to_refund} gets no credit note;
 * both are an {@link OdooConflictException}. Each operation finds what an earlier attempt made before it makes anything.
 */
public final class RefundOperations {

    private final OdooClient client;
    private final AccountingOperations accounting;
    private final StockOperations stock;

    RefundOperations(OdooClient client, AccountingOperations accounting, StockOperations stock) {
        this.client = client;
        this.accounting = accounting;
        this.stock = stock;
    }

    /**
     * Returns goods of a done delivery (one return per delivery: an earlier return not cancelled is answered, validated
     * if it is not yet) and validates the return like a receipt. With {@code refund}, the return lines are
     * {@code to_refund}: the order's quantity to invoice goes down and {@link InvoicingOperations#invoiceOrder} makes
     * the credit note; refused when the order's invoices already have a credit note.
     */
    public Uni<Picking> returnDelivery(long deliveryId, Map<Long, BigDecimal> returnedByProduct, boolean refund) {
        if (returnedByProduct == null || returnedByProduct.values().stream().noneMatch(q -> q.signum() > 0)) {
            throw new IllegalArgumentException("a return needs a positive quantity of at least one product");
        }
        return client.retrying(() -> once().search("stock.picking", List.of(List.of("return_id", "=", deliveryId),
                List.of("state", "!=", "cancel")), 1).chain(found -> {
                    if (!found.isEmpty()) {
                        return Uni.createFrom().item(found.get(0));
                    }
                    Uni<Void> guard = refund ? refusedIfCreditNoted(deliveryId) : Uni.createFrom().voidItem();
                    return guard.chain(() -> createReturn(deliveryId, returnedByProduct, refund));
                }))
                .chain(returnId -> stock.validateReceipt(returnId, null, false));
    }

    /**
     * Returns goods of a done delivery as one of several returns, each known by Portage's {@code reference}: the
     * return picking whose {@code origin} is the reference is answered (validated if it is not yet). Odoo names a new
     * return's origin "Return of &lt;delivery&gt;" and takes none from the wizard, so the reference is written on it
     * right after it is made; a return of this delivery still carrying Odoo's own origin is an attempt that stopped
     * between the two calls and is taken over instead of making another. Callers return one delivery at a time.
     */
    public Uni<Picking> returnDelivery(long deliveryId, Map<Long, BigDecimal> returnedByProduct, boolean refund,
            String reference) {
        if (returnedByProduct == null || returnedByProduct.values().stream().noneMatch(q -> q.signum() > 0)) {
            throw new IllegalArgumentException("a return needs a positive quantity of at least one product");
        }
        Rows.requireText(reference, "reference");
        List<?> returns = List.of(List.of("return_id", "=", deliveryId), List.of("state", "!=", "cancel"));
        return client.retrying(() -> once().searchRead("stock.picking", returns, List.of("id", "origin"), 0, 0, "id")
                .chain(found -> {
                    for (JsonNode row : found) {
                        if (reference.equals(Rows.text(row.path("origin")))) {
                            return Uni.createFrom().item(row.path("id").asLong());
                        }
                    }
                    Uni<Long> made = found.stream()
                            .filter(row -> Rows.text(row.path("origin")) == null
                                    || Rows.text(row.path("origin")).startsWith("Return of "))
                            .map(row -> Uni.createFrom().item(row.path("id").asLong()))
                            .findFirst()
                            .orElseGet(() -> (refund ? refusedIfCreditNoted(deliveryId) : Uni.createFrom().voidItem())
                                    .chain(() -> createReturn(deliveryId, returnedByProduct, refund)));
                    return made.call(id -> once().write("stock.picking", List.of(id), Map.of("origin", reference)));
                }))
                .chain(returnId -> stock.validateReceipt(returnId, null, false));
    }

    /**
     * A credit note for a whole posted customer invoice through Odoo's reversal wizard (the invoice's journal), posted;
     * an existing credit note of the invoice (its {@code reversal_move_ids}, not cancelled) is answered instead of a
     * second one. Refused when a delivery of the invoice's orders was returned with {@code to_refund}.
     */
    public Uni<MoveResult> creditInvoice(long invoiceId, LocalDate date, String reason) {
        return client.retrying(() -> refusedIfReturnedForRefund(invoiceId)
                .chain(() -> accounting.reverseOnce(invoiceId, date, reason, null))
                .chain(credit -> accounting.postIfDraft(credit.id())));
    }

    private Uni<Long> createReturn(long deliveryId, Map<Long, BigDecimal> returnedByProduct, boolean refund) {
        return once().create("stock.return.picking", Map.of("picking_id", deliveryId))
                .chain(wizard -> once().searchRead("stock.return.picking.line", List.of(List.of("wizard_id", "=",
                        wizard)), List.of("id", "product_id"), 0, 0, "id")
                        .chain(lines -> writeLines(lines, returnedByProduct, refund))
                        .chain(() -> once().callOnRecords("stock.return.picking", "action_create_returns", List.of(
                                wizard), Map.of())))
                .map(action -> {
                    if (!action.hasNonNull("res_id")) {
                        throw new OdooMissingException("odoo.exceptions.MissingError", "the return of stock.picking "
                                + deliveryId + " answered no picking: " + action);
                    }
                    return action.get("res_id").asLong();
                });
    }

    private Uni<Void> writeLines(List<JsonNode> lines, Map<Long, BigDecimal> returnedByProduct, boolean refund) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode line : lines) {
            BigDecimal quantity = returnedByProduct.getOrDefault(Rows.id(line.path("product_id")), BigDecimal.ZERO);
            Map<String, Object> vals = new LinkedHashMap<>();
            vals.put("quantity", quantity.doubleValue());
            vals.put("to_refund", refund);
            long id = line.path("id").asLong();
            chain = chain.chain(() -> once().write("stock.return.picking.line", List.of(id), vals)).replaceWithVoid();
        }
        return chain;
    }

    /** A credit note (an {@code out_refund} reversing one of the order's invoices, not cancelled) forbids to_refund. */
    private Uni<Void> refusedIfCreditNoted(long deliveryId) {
        return once().read("stock.picking", List.of(deliveryId), List.of("sale_id")).chain(rows -> {
            Long order = rows.isEmpty() ? null : Rows.id(rows.get(0).path("sale_id"));
            if (order == null) {
                return Uni.createFrom().voidItem();
            }
            return once().read("sale.order", List.of(order), List.of("invoice_ids"))
                    .chain(orders -> once()
                            .search("account.move", List.of(List.of("move_type", "=", "out_refund"), List.of(
                                    "reversed_entry_id", "in", Rows.ids(orders.get(0).path("invoice_ids"))),
                                    List.of("state",
                                            "!=", "cancel")),
                                    1))
                    .map(credits -> {
                        if (!credits.isEmpty()) {
                            throw new OdooConflictException("portage.RefundedTwice", "stock.picking " + deliveryId
                                    + ": its order's invoice already has credit note account.move " + credits.get(0)
                                    + "; a return with to_refund would refund the customer a second time");
                        }
                        return null;
                    });
        }).replaceWithVoid();
    }

    /** A return with to_refund of a delivery of the invoice's orders forbids a credit note. */
    private Uni<Void> refusedIfReturnedForRefund(long invoiceId) {
        return once().search("sale.order", List.of(List.of("invoice_ids", "in", List.of(invoiceId))), 0)
                .chain(orders -> orders.isEmpty()
                        ? Uni.createFrom().item(List.<Long>of())
                        : once().search("stock.move", List.of(List.of("to_refund", "=", true), List.of("state", "!=",
                                "cancel"), List.of("picking_id.return_id.sale_id", "in", orders)), 1))
                .map(moves -> {
                    if (!moves.isEmpty()) {
                        throw new OdooConflictException("portage.RefundedTwice", "account.move " + invoiceId
                                + ": goods of its order were returned with to_refund (stock.move " + moves.get(0)
                                + "), so invoicing the order refunds them; a credit note would refund the customer "
                                + "a second time");
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private OdooCalls once() {
        return client.once();
    }
}

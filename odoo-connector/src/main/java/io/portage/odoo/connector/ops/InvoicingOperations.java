package io.portage.odoo.connector.ops;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.error.OdooConflictException;
import io.portage.odoo.connector.error.OdooMissingException;
import io.smallrye.mutiny.Uni;

/**
 * Customer invoices made from sale orders by Odoo's own wizard ({@code sale.advance.payment.inv}, delivered
 * quantities), idempotent by what is left to invoice: a draft invoice counts at once, so a retry finds nothing left and
 * posts the draft the first attempt made.
 */
public final class InvoicingOperations {

    private final OdooClient client;
    InvoicingOperations(OdooClient client) {
        this.client = client;
    }

    /**
     * The ISO code of the sale order's currency ({@code currency_id}: its pricelist's, else the company's), the currency
     * its invoices are made in and converted from at Odoo's rate of their date.
     */
    public Uni<String> orderCurrency(long orderId) {
        return client.calls().read("sale.order", List.of(orderId), List.of("currency_id")).map(rows -> {
            if (rows.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "sale.order " + orderId + " not found");
            }
            return rows.get(0).path("currency_id").path(1).asText();
        });
    }

    /**
     * Invoices what the order has left to invoice and posts its invoices: the lines' {@code qty_to_invoice} is read
     * first and the wizard called only when some is not zero (Odoo's "No items are available to invoice" is never
     * asked for); then every draft in the order's {@code invoice_ids} (cancelled ones filtered out) is posted. Answers
     * the order's invoices that are not cancelled, oldest first. After a return with {@code to_refund} the quantity to
     * invoice is negative and Odoo makes a credit note ({@code out_refund}) here: {@link RefundOperations} makes sure
     * a delivery is refunded one way only. After a credit note from the reversal wizard the order has its credited
     * quantities to invoice again (the credit note keeps the order's lines): that is refused with an
     * {@link OdooConflictException} rather than invoiced twice.
     */
    public Uni<List<MoveResult>> invoiceOrder(long orderId) {
        return client.retrying(() -> once().read("sale.order", List.of(orderId), List.of("order_line", "state"))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        throw new OdooMissingException("odoo.exceptions.MissingError", "sale.order " + orderId
                                + " not found");
                    }
                    return once().read("sale.order.line", Rows.ids(rows.get(0).path("order_line")), List.of(
                            "qty_to_invoice"));
                })
                .chain(lines -> lines.stream().anyMatch(line -> line.path("qty_to_invoice").asDouble() != 0.0)
                        ? refusedIfCredited(orderId).chain(() -> createInvoices(orderId))
                        : Uni.createFrom().voidItem())
                .chain(() -> once().read("sale.order", List.of(orderId), List.of("invoice_ids")))
                .chain(rows -> postAll(Rows.ids(rows.get(0).path("invoice_ids")))));
    }

    /**
     * A credit note reversing one of the order's invoices keeps the order's lines, so the order has those quantities to
     * invoice again: invoicing it would charge the customer for what was credited. Refused, for a person to decide.
     */
    private Uni<Void> refusedIfCredited(long orderId) {
        return once().read("sale.order", List.of(orderId), List.of("invoice_ids")).chain(rows -> {
            List<Long> invoices = Rows.ids(rows.get(0).path("invoice_ids"));
            return invoices.isEmpty()
                    ? Uni.createFrom().item(List.<Long>of())
                    : once().search("account.move", List.of(List.of("id", "in", invoices), List.of("move_type", "=",
                            "out_refund"), List.of("reversed_entry_id", "!=", false),
                            List.of("state", "!=",
                                    "cancel")),
                            1);
        }).map(credits -> {
            if (!credits.isEmpty()) {
                throw new OdooConflictException("portage.CreditedOrder", "sale.order " + orderId + " has credit note "
                        + "account.move " + credits.get(0) + ", which puts its lines back to invoice; invoicing it "
                        + "again would charge what was credited");
            }
            return null;
        }).replaceWithVoid();
    }

    private Uni<Void> createInvoices(long orderId) {
        return once().create("sale.advance.payment.inv", Map.of("advance_payment_method", "delivered",
                "sale_order_ids", List.of(List.of(6, 0, List.of(orderId)))))
                .chain(wizard -> once().callOnRecords("sale.advance.payment.inv", "create_invoices", List.of(wizard),
                        Map.of()))
                .replaceWithVoid();
    }

    private Uni<List<MoveResult>> postAll(List<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return once().read("account.move", invoiceIds, List.of("id", "state")).chain(rows -> {
            List<Long> open = rows.stream()
                    .filter(row -> !"cancel".equals(row.path("state").asText()))
                    .map(row -> row.path("id").asLong())
                    .sorted()
                    .toList();
            List<Long> drafts = rows.stream()
                    .filter(row -> "draft".equals(row.path("state").asText()))
                    .map(row -> row.path("id").asLong())
                    .toList();
            Uni<JsonNode> post = drafts.isEmpty()
                    ? Uni.createFrom().nullItem()
                    : once().callOnRecords("account.move", "action_post", drafts, Map.of());
            return post.chain(() -> open.isEmpty()
                    ? Uni.createFrom().item(List.<MoveResult>of())
                    : once().read("account.move", open, AccountingOperations.MOVE_FIELDS)
                            .map(moves -> moves.stream().map(AccountingOperations::move).toList()));
        });
    }

    private OdooCalls once() {
        return client.once();
    }
}

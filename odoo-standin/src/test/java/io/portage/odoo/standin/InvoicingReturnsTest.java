package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer invoices from sale orders, returns and credit notes, as ODOO.md's domain flows describe 18.0. */
class InvoicingReturnsTest {

    private OdooStandin standin;
    private TestClient client;

    @BeforeEach
    void start() {
        standin = OdooStandin.builder().build().start();
        client = new TestClient(standin);
        client.call("product.product", "write", List.of(List.of(1), Map.of("invoice_policy", "delivery")), Map.of());
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    /** A confirmed order of 3 chairs (invoiced on delivery) for Azure Interior; its id. */
    private int order() {
        int order = (Integer) client.call("sale.order", "create", Map.of("partner_id", 3, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 1, "product_uom_qty", 3)))));
        client.call("sale.order", "action_confirm", List.of(order));
        return order;
    }

    @SuppressWarnings("unchecked")
    private int deliver(int order) {
        int picking = ((List<Integer>) client.readOne("sale.order", order, "picking_ids").get("picking_ids")).get(0);
        client.callWith(Map.of("skip_sms", true), "stock.picking", "button_validate", List.of(picking));
        return picking;
    }

    private Object invoice(int order) {
        int wizard = (Integer) client.call("sale.advance.payment.inv", "create", Map.of("advance_payment_method",
                "delivered", "sale_order_ids", List.of(List.of(6, 0, List.of(order)))));
        return client.call("sale.advance.payment.inv", "create_invoices", List.of(wizard));
    }

    private Map<String, Object> invoiceError(int order) {
        int wizard = (Integer) client.call("sale.advance.payment.inv", "create", Map.of("sale_order_ids",
                List.of(List.of(6, 0, List.of(order)))));
        return client.fail("sale.advance.payment.inv", "create_invoices", List.of(List.of(wizard)), Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDraftInvoiceCountsAtOnceAndNothingIsLeftToInvoice() {
        // ODOO.md "Customer invoice": delivered policy; a draft counts at once in invoice_ids and invoice_status
        int order = order();
        assertThat(invoiceError(order).get("message").toString())
                .startsWith("Cannot create an invoice. No items are available to invoice.");
        deliver(order);
        assertThat(client.searchRead("sale.order.line", List.of(List.of("order_id", "=", order)), "qty_delivered",
                "qty_to_invoice")).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("qty_delivered", 3.0)
                        .containsEntry("qty_to_invoice", 3.0));
        Map<String, Object> action = (Map<String, Object>) invoice(order);
        assertThat(action).containsEntry("res_model", "account.move").doesNotContainKey("target");
        int invoice = (Integer) action.get("res_id");
        assertThat(client.readOne("account.move", invoice, "move_type", "state", "invoice_origin", "amount_total"))
                .containsEntry("move_type", "out_invoice")
                .containsEntry("state", "draft")
                .containsEntry("invoice_origin", "S00001")
                .containsEntry("amount_total", 210.0);
        assertThat(client.readOne("sale.order", order, "invoice_ids", "invoice_status"))
                .containsEntry("invoice_ids", List.of(invoice))
                .containsEntry("invoice_status", "invoiced");
        assertThat(invoiceError(order).get("message").toString()).startsWith("Cannot create an invoice.");

        assertThat(client.call("account.move", "action_post", List.of(invoice))).isEqualTo(false);
        assertThat(client.fail("account.move", "action_post", List.of(List.of(invoice)), Map.of()).get("message"))
                .isEqualTo("The entry INV/" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear()
                        + "/00001 (id " + invoice + ") must be in draft.");
    }

    @Test
    void aCancelledInvoiceStaysInInvoiceIdsButNoLongerCounts() {
        // ODOO.md: a cancelled invoice stays in invoice_ids: filter state != cancel
        int order = order();
        deliver(order);
        @SuppressWarnings("unchecked")
        int invoice = (Integer) ((Map<String, Object>) invoice(order)).get("res_id");
        Map<String, Object> response = client.executeKw("bot-password", "account.move", "button_cancel",
                List.of(List.of(invoice)), Map.of());
        assertThat(response).doesNotContainKeys("result", "error");
        assertThat(client.readOne("sale.order", order, "invoice_ids", "invoice_status"))
                .containsEntry("invoice_ids", List.of(invoice))
                .containsEntry("invoice_status", "to invoice");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReturnWithToRefundMakesCreateInvoicesProduceACreditNote() {
        // ODOO.md "Returns and credit notes": the trap - to_refund makes create_invoices produce an out_refund
        int order = order();
        int picking = deliver(order);
        int invoice = (Integer) ((Map<String, Object>) invoice(order)).get("res_id");
        client.call("account.move", "action_post", List.of(invoice));

        int wizard = (Integer) client.call("stock.return.picking", "create", Map.of("picking_id", picking));
        List<Map<String, Object>> lines = client.searchRead("stock.return.picking.line", List.of(List.of(
                "wizard_id", "=", wizard)), "product_id", "quantity", "move_id", "to_refund");
        assertThat(lines).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("quantity", 0.0)
                        .containsEntry("to_refund", true));
        assertThat(client.fail("stock.return.picking", "action_create_returns", List.of(List.of(wizard)), Map.of())
                .get("message")).isEqualTo("Please specify at least one non-zero quantity.");
        client.call("stock.return.picking.line", "write", List.of(List.of(lines.get(0).get("id")), Map.of(
                "quantity", 1)), Map.of());
        Map<String, Object> action = (Map<String, Object>) client.call("stock.return.picking",
                "action_create_returns", List.of(wizard));
        int returned = (Integer) action.get("res_id");
        assertThat(client.readOne("stock.picking", returned, "picking_type_code", "return_id", "origin"))
                .containsEntry("picking_type_code", "incoming")
                .containsEntry("return_id", List.of(picking,
                        "WH/OUT/00001"))
                .containsEntry("origin", "Return of WH/OUT/00001");
        client.call("stock.picking", "button_validate", List.of(returned));

        assertThat(client.searchRead("sale.order.line", List.of(List.of("order_id", "=", order)), "qty_to_invoice"))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("qty_to_invoice", -1.0));
        int refund = (Integer) ((Map<String, Object>) invoice(order)).get("res_id");
        assertThat(client.readOne("account.move", refund, "move_type", "reversed_entry_id", "amount_total"))
                .containsEntry("move_type", "out_refund")
                .containsEntry("reversed_entry_id", false)
                .containsEntry("amount_total", 70.0);
    }

    @Test
    void onlyDonePickingsCanBeReturnedAndReturningPostsInTheChatter() {
        // ODOO.md: "You may only return Done pickings."; creating a return needs the user's e-mail
        int order = order();
        @SuppressWarnings("unchecked")
        int picking = ((List<Integer>) client.readOne("sale.order", order, "picking_ids").get("picking_ids")).get(0);
        assertThat(client.fail("stock.return.picking", "create", List.of(Map.of("picking_id", picking)), Map.of())
                .get("message")).isEqualTo("You may only return Done pickings.");
        deliver(order);
        client.call("res.partner", "write", List.of(List.of(2), Map.of("email", false)), Map.of());
        int wizard = (Integer) client.call("stock.return.picking", "create", Map.of("picking_id", picking));
        client.call("stock.return.picking.line", "write", List.of(client.call("stock.return.picking.line", "search",
                List.of(List.of("wizard_id", "=", wizard))), Map.of("quantity", 1)), Map.of());
        assertThat(client.fail("stock.return.picking", "action_create_returns", List.of(List.of(wizard)), Map.of())
                .get("message")).isEqualTo("Unable to send message, please configure the sender's email address.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCreditNoteFromTheReversalWizardIsADraftThatReconcilesWhenPosted() {
        // ODOO.md: the reversal wizard gives a draft out_refund with reversed_entry_id; posting it reconciles (e-mail)
        int order = order();
        deliver(order);
        int invoice = (Integer) ((Map<String, Object>) invoice(order)).get("res_id");
        client.call("account.move", "action_post", List.of(invoice));
        int wizard = (Integer) client.call("account.move.reversal", "create", Map.of("move_ids", List.of(List.of(6,
                0, List.of(invoice))), "journal_id", 1, "reason", "damaged"));
        int refund = (Integer) ((Map<String, Object>) client.call("account.move.reversal", "refund_moves",
                List.of(wizard))).get("res_id");
        assertThat(client.readOne("account.move", refund, "move_type", "state", "reversed_entry_id", "amount_total"))
                .containsEntry("move_type", "out_refund")
                .containsEntry("state", "draft")
                .containsEntry("reversed_entry_id", List.of(invoice, client.readOne("account.move", invoice, "name")
                        .get("name")))
                .containsEntry("amount_total", 210.0);
        client.call("res.partner", "write", List.of(List.of(2), Map.of("email", false)), Map.of());
        assertThat(client.fail("account.move", "action_post", List.of(List.of(refund)), Map.of()).get("message"))
                .isEqualTo("Unable to send message, please configure the sender's email address.");
        client.call("res.partner", "write", List.of(List.of(2), Map.of("email", "bot@example.com")), Map.of());
        assertThat(client.call("account.move", "action_post", List.of(refund))).isEqualTo(false);
    }
}

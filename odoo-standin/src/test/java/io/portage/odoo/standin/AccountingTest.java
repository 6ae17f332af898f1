package io.portage.odoo.standin;

import static io.portage.odoo.standin.JsonRpcTest.errorData;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Journal entries as Odoo's account module keeps them: journals, receivable/payable lines, balance, posting rules. */
class AccountingTest {

    private OdooStandin standin;
    private TestClient client;

    @BeforeEach
    void start() {
        standin = OdooStandin.builder()
                .version("18.0")
                .database("portage")
                .user("bot", "bot-password")
                .build()
                .start();
        client = new TestClient(standin);
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    private static List<Object> line(Map<String, Object> vals) {
        return List.of(0, 0, vals);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInvoiceGetsItsJournalAndAReceivableLineThatBalancesIt() {
        int id = (Integer) client.call("account.move", "create", Map.of("move_type", "out_invoice", "partner_id", 3,
                "ref", "INV-REF-1", "invoice_date", "2026-03-02", "invoice_line_ids", List.of(
                        line(Map.of("product_id", 1, "quantity", 2)),
                        line(Map.of("name", "Freight", "quantity", 1, "price_unit", 25.5)))));

        Map<String, Object> move = client.readOne("account.move", id, "journal_id", "currency_id", "amount_total",
                "invoice_line_ids", "line_ids", "date");
        assertThat(move).containsEntry("journal_id", List.of(1, "Customer Invoices"))
                .containsEntry("currency_id", List.of(2, "USD"))
                .containsEntry("amount_total", 165.5)
                .containsEntry("date", "2026-03-02");
        assertThat((List<Integer>) move.get("invoice_line_ids")).hasSize(2);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) client.call("account.move.line", "read",
                List.of(move.get("line_ids"), List.of("display_type", "account_id", "debit", "credit")), Map.of());
        assertThat(lines).extracting(l -> l.get("display_type"), l -> l.get("account_id"), l -> l.get("debit"),
                l -> l.get("credit"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("product", List.of(3, "400000 Product Sales"), 0.0, 140.0),
                        org.assertj.core.groups.Tuple.tuple("product", List.of(3, "400000 Product Sales"), 0.0, 25.5),
                        org.assertj.core.groups.Tuple.tuple("payment_term", List.of(1, "121000 Account Receivable"),
                                165.5, 0.0));

        client.call("account.move", "write", List.of(List.of(id), Map.of("invoice_line_ids", List.of(List.of(2,
                ((List<Integer>) move.get("invoice_line_ids")).get(1))))), Map.of());
        assertThat(client.readOne("account.move", id, "amount_total", "line_ids")).containsEntry("amount_total", 140.0)
                .satisfies(m -> assertThat((List<Integer>) m.get("line_ids")).hasSize(2));

        assertThat(client.call("account.move", "action_post", List.of(id))).isEqualTo(false);
        assertThat(client.readOne("account.move", id, "name", "state")).containsEntry("name", "INV/2026/00001")
                .containsEntry("state", "posted");
    }

    @Test
    void creditNotesAndBillsAreNumberedFromTheirJournal() {
        int invoice = (Integer) client.call("account.move", "create", Map.of("move_type", "out_invoice", "partner_id",
                3, "invoice_line_ids", List.of(line(Map.of("product_id", 1)))));
        client.call("account.move", "action_post", List.of(invoice));
        int refund = (Integer) client.call("account.move", "create", Map.of("move_type", "out_refund", "partner_id",
                3, "reversed_entry_id", invoice, "invoice_line_ids", List.of(line(Map.of("product_id", 1)))));
        int bill = (Integer) client.call("account.move", "create", Map.of("move_type", "in_invoice", "partner_id", 4,
                "invoice_date", "2026-01-15", "invoice_line_ids", List.of(line(Map.of("name", "Linehaul",
                        "price_unit", 300.0)))));
        client.call("account.move", "action_post", List.of(refund, bill));

        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        assertThat(client.readOne("account.move", refund, "name", "reversed_entry_id", "journal_id"))
                .containsEntry("name", "RINV/" + year + "/00001")
                .containsEntry("reversed_entry_id", List.of(invoice, "INV/" + year + "/00001"))
                .containsEntry("journal_id", List.of(1, "Customer Invoices"));
        assertThat(client.readOne("account.move", bill, "name", "journal_id", "amount_total"))
                .containsEntry("name", "BILL/2026/00001")
                .containsEntry("journal_id", List.of(2, "Vendor Bills"))
                .containsEntry("amount_total", 300.0);
    }

    @Test
    void anUnbalancedEntryIsRefusedWhenCreatedAndABalancedOnePostsInMisc() {
        Map<String, Object> unbalanced = client.executeKw("bot-password", "account.move", "create", List.of(Map.of(
                "move_type", "entry", "ref", "ACCR-1", "line_ids", List.of(
                        line(Map.of("account_id", 4, "name", "Freight accrual", "debit", 120.0)),
                        line(Map.of("account_id", 5, "name", "Freight accrual", "credit", 100.0))))),
                Map.of());

        assertThat(errorData(unbalanced)).containsEntry("name", "odoo.exceptions.UserError")
                .extractingByKey("message")
                .asString()
                .contains("is not balanced.\nThe total of debits equals $\u00a0120.00 and the total of credits "
                        + "equals $\u00a0100.00.")
                .contains("journal \"Miscellaneous Operations\"");
        assertThat(standin.records("account.move")).isEmpty();
        assertThat(standin.records("account.move.line")).isEmpty();

        int entry = (Integer) client.call("account.move", "create", Map.of("move_type", "entry", "ref", "ACCR-2",
                "date", "2026-02-28", "line_ids", List.of(
                        line(Map.of("account_id", 4, "name", "Freight accrual", "debit", 120.0)),
                        line(Map.of("account_id", 5, "name", "Freight accrual", "credit", 120.0)))));
        Map<String, Object> unbalancing = client.executeKw("bot-password", "account.move", "write", List.of(List.of(
                entry), Map.of("line_ids", List.of(line(Map.of("account_id", 4, "debit", 1.0))))), Map.of());
        assertThat(errorData(unbalancing)).containsEntry("name", "odoo.exceptions.UserError");

        client.call("account.move", "action_post", List.of(entry));
        assertThat(client.readOne("account.move", entry, "name", "state", "amount_total", "journal_id"))
                .containsEntry("name", "MISC/2026/00001")
                .containsEntry("state", "posted")
                .containsEntry("amount_total", 120.0)
                .containsEntry("journal_id", List.of(3, "Miscellaneous Operations"));
    }

    @Test
    void postingRefusesWhatOdoosPostRefuses() {
        int bill = (Integer) client.call("account.move", "create", Map.of("move_type", "in_invoice", "partner_id", 4,
                "invoice_line_ids", List.of(line(Map.of("name", "Linehaul", "price_unit", 300.0)))));
        int negative = (Integer) client.call("account.move", "create", Map.of("move_type", "out_invoice",
                "partner_id", 3, "invoice_line_ids", List.of(line(Map.of("name", "Discount", "price_unit", -5.0)))));
        int gbp = (Integer) client.call("account.move", "create", Map.of("move_type", "out_invoice", "partner_id", 3,
                "currency_id", 3, "invoice_line_ids", List.of(line(Map.of("product_id", 1)))));

        assertThat(errorData(client.executeKw("bot-password", "account.move", "action_post", List.of(List.of(bill)),
                Map.of()))).containsEntry("message", "The Bill/Refund date is required to validate this document.");
        assertThat(errorData(client.executeKw("bot-password", "account.move", "action_post", List.of(List.of(
                negative)), Map.of()))).extractingByKey("message")
                .asString()
                .startsWith("You cannot validate an invoice with a negative total amount.");
        assertThat(errorData(client.executeKw("bot-password", "account.move", "action_post", List.of(List.of(gbp)),
                Map.of()))).containsEntry("message", "You cannot validate a document with an inactive currency: GBP");

        client.call("account.move", "write", List.of(List.of(bill), Map.of("invoice_date", "2026-01-20")), Map.of());
        client.call("account.move", "action_post", List.of(bill));
        assertThat(errorData(client.executeKw("bot-password", "account.move", "action_post", List.of(List.of(bill)),
                Map.of()))).containsEntry("message", "The entry BILL/2026/00001 (id " + bill + ") must be in draft.");
        assertThat(client.readOne("account.move", bill, "date")).containsEntry("date", "2026-01-20");
    }

    @Test
    void aTargetedFaultHitsOnlyThatMethod() {
        standin.faults().failNext("account.move", "create", 1, Fault.CONCURRENCY_ERROR);
        assertThat(standin.faults().pending()).isEqualTo(1);
        client.call("res.partner", "search_count", List.of(List.of()), Map.of());
        assertThat(standin.faults().pending()).isEqualTo(1);

        Map<String, Object> failed = client.executeKw("bot-password", "account.move", "create", List.of(Map.of(
                "move_type", "entry")), Map.of());

        assertThat(errorData(failed)).containsEntry("name", "psycopg2.errors.SerializationFailure");
        assertThat(standin.faults().pending()).isZero();
        assertThat(standin.records("account.move")).isEmpty();
    }
}

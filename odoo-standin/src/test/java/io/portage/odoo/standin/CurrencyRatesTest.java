package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exchange rates as Odoo's source applies them (res_currency.py, account_move.py, account_move_line.py): the rate of a
 * date, invoices and entries in EUR booked in the company's USD, reversals at the original's rate.
 */
class CurrencyRatesTest {

    private OdooStandin standin;
    private TestClient client;

    @BeforeEach
    void start() {
        standin = OdooStandin.builder().version("18.0").build().start();
        client = new TestClient(standin);
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    /** A bill of 100 EUR dated {@code date} for partner 4, posted; answers its id. */
    private int eurBill(String ref, String date) {
        int bill = (Integer) client.call("account.move", "create", Map.of("move_type", "in_invoice", "partner_id", 4,
                "ref", ref, "invoice_date", date, "currency_id", 1, "invoice_line_ids", List.of(List.of(0, 0, Map.of(
                        "name", "Freight", "quantity", 1.0, "price_unit", 100.0)))));
        client.call("account.move", "action_post", List.of(bill));
        return bill;
    }

    private List<Map<String, Object>> lines(int move) {
        return client.searchRead("account.move.line", List.of(List.of("move_id", "=", move)), "display_type",
                "account_id", "currency_id", "amount_currency", "debit", "credit", "balance");
    }

    @Test
    void theRateOfADateIsTheNewestOnOrBeforeItAndTheOldestBeforeAnyRate() {
        // seed: EUR 0.92 on 2026-01-01, 0.85 on 2026-06-01 (units of EUR for one USD)
        assertThat(client.readOne("account.move", eurBill("B-MAR", "2026-03-15"), "invoice_currency_rate"))
                .containsEntry("invoice_currency_rate", 0.92);
        assertThat(client.readOne("account.move", eurBill("B-JUN", "2026-06-01"), "invoice_currency_rate"))
                .containsEntry("invoice_currency_rate", 0.85);
        assertThat(client.readOne("account.move", eurBill("B-2025", "2025-07-01"), "invoice_currency_rate"))
                .containsEntry("invoice_currency_rate", 0.92);
    }

    @Test
    void aBillInEurBooksItsLinesInUsdAtTheRateOfItsDate() {
        int bill = eurBill("B-1", "2026-03-15");
        assertThat(client.readOne("account.move", bill, "amount_total", "amount_total_signed", "currency_id"))
                .containsEntry("amount_total", 100.0)
                .containsEntry("amount_total_signed", -108.7)
                .containsEntry("currency_id", List.of(1, "EUR"));
        // 100 / 0.92 = 108.695... -> 108.70 USD
        assertThat(lines(bill)).anySatisfy(line -> assertThat(line).containsEntry("display_type", "product")
                .containsEntry("amount_currency", 100.0)
                .containsEntry("debit", 108.7)
                .containsEntry("currency_id", List.of(1, "EUR")))
                .anySatisfy(line -> assertThat(line).containsEntry("display_type", "payment_term")
                        .containsEntry("amount_currency", -100.0)
                        .containsEntry("credit", 108.7));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSaleOrderIsInItsPricelistsCurrencyAndItsInvoiceIsToo() {
        // sale_order.py: currency_id = pricelist_id.currency_id or company_id.currency_id; the invoice takes it
        int pricelist = standin.createAsSuperuser("product.pricelist", Map.of("name", "Europe", "currency_id", 1));
        int inEuros = (Integer) client.call("sale.order", "create", Map.of("partner_id", 3, "pricelist_id", pricelist,
                "order_line", List.of(List.of(0, 0, Map.of("product_id", 1, "product_uom_qty", 2)))));
        int inDollars = (Integer) client.call("sale.order", "create", Map.of("partner_id", 3, "order_line", List.of(List
                .of(0, 0, Map.of("product_id", 1, "product_uom_qty", 2)))));
        assertThat(client.readOne("sale.order", inEuros, "currency_id")).containsEntry("currency_id", List.of(1, "EUR"));
        assertThat(client.readOne("sale.order", inDollars, "currency_id")).containsEntry("currency_id", List.of(2,
                "USD"));

        client.call("sale.order", "action_confirm", List.of(inEuros));
        int wizard = (Integer) client.call("sale.advance.payment.inv", "create", Map.of("advance_payment_method",
                "delivered", "sale_order_ids", List.of(List.of(6, 0, List.of(inEuros)))));
        client.call("sale.advance.payment.inv", "create_invoices", List.of(wizard));
        int invoice = ((List<Integer>) client.readOne("sale.order", inEuros, "invoice_ids").get("invoice_ids")).get(0);
        assertThat(client.readOne("account.move", invoice, "currency_id", "amount_total"))
                .containsEntry("currency_id", List.of(1, "EUR"))
                .containsEntry("amount_total", 140.0);
    }

    @Test
    void aCurrencyWithoutAnyRateIsConvertedAtOneToOneAsOdooDoes() {
        int chf = standin.createAsSuperuser("res.currency", Map.of("name", "CHF", "symbol", "CHF"));
        int bill = (Integer) client.call("account.move", "create", Map.of("move_type", "in_invoice", "partner_id", 4,
                "ref", "B-CHF", "invoice_date", "2026-03-15", "currency_id", chf, "invoice_line_ids", List.of(List
                        .of(0, 0, Map.of("name", "Freight", "quantity", 1.0, "price_unit", 100.0)))));
        assertThat(client.readOne("account.move", bill, "invoice_currency_rate", "amount_total_signed"))
                .containsEntry("invoice_currency_rate", 1.0)
                .containsEntry("amount_total_signed", -100.0);
    }

    @Test
    void aRateOfNoCompanyCountsAfterTheCompanysOwn() {
        standin.createAsSuperuser("res.currency.rate", Map.of("name", "2026-03-01", "rate", 0.5, "currency_id", 1));
        // the company's 0.92 of 2026-01-01 wins over the newer rate of no company, as Odoo orders by company first
        assertThat(client.readOne("account.move", eurBill("B-1", "2026-03-15"), "invoice_currency_rate"))
                .containsEntry("invoice_currency_rate", 0.92);
    }

    @Test
    void anEntryLineInEurGetsItsUsdBalanceFromItsAmountInCurrency() {
        int entry = (Integer) client.call("account.move", "create", Map.of("move_type", "entry", "journal_id", 3,
                "date", "2026-07-01", "ref", "ACCR-EUR", "line_ids", List.of(
                        List.of(0, 0, Map.of("account_id", 4, "name", "Freight", "currency_id", 1, "amount_currency",
                                170.0)),
                        List.of(0, 0, Map.of("account_id", 6, "name", "Freight", "currency_id", 1, "amount_currency",
                                -170.0)))));
        client.call("account.move", "action_post", List.of(entry));
        // 170 / 0.85 = 200.00 USD
        assertThat(lines(entry)).extracting(line -> line.get("debit"), line -> line.get("credit"),
                line -> line.get("amount_currency"))
                .containsExactlyInAnyOrder(tuple(200.0, 0.0, 170.0),
                        tuple(0.0, 200.0, -170.0));
        int usd = (Integer) client.call("account.move", "create", Map.of("move_type", "entry", "journal_id", 3,
                "ref", "ACCR-USD", "line_ids", List.of(
                        List.of(0, 0, Map.of("account_id", 4, "debit", 50.0)),
                        List.of(0, 0, Map.of("account_id", 6, "credit", 50.0)))));
        assertThat(lines(usd)).extracting(line -> line.get("amount_currency"), line -> line.get("currency_id"))
                .containsExactlyInAnyOrder(tuple(50.0, List.of(2, "USD")),
                        tuple(-50.0, List.of(2, "USD")));
    }

    @Test
    void anEntryBalancedInEurButNotInUsdIsRefused() {
        // 100 EUR / 0.85 = 117.65 USD on one side, 117.00 USD given on the other
        Map<String, Object> error = client.fail("account.move", "create", List.of(Map.of("move_type", "entry",
                "date", "2026-07-01", "line_ids", List.of(
                        List.of(0, 0, Map.of("account_id", 4, "currency_id", 1, "amount_currency", 100.0)),
                        List.of(0, 0, Map.of("account_id", 6, "currency_id", 1, "amount_currency", -100.0,
                                "credit", 117.0))))),
                Map.of());
        assertThat(error).containsEntry("name", "odoo.exceptions.UserError");
        assertThat(error.get("message").toString()).contains("is not balanced")
                .contains("$\u00a0117.65")
                .contains("$\u00a0117.00");
        assertThat(standin.records("account.move")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReversalMirrorsTheOriginalAtItsRateNotTheReversalDate() {
        int entry = (Integer) client.call("account.move", "create", Map.of("move_type", "entry", "journal_id", 3,
                "date", "2026-03-01", "ref", "ACCR-EUR", "line_ids", List.of(
                        List.of(0, 0, Map.of("account_id", 4, "currency_id", 1, "amount_currency", 92.0)),
                        List.of(0, 0, Map.of("account_id", 6, "currency_id", 1, "amount_currency", -92.0)))));
        client.call("account.move", "action_post", List.of(entry));
        int wizard = (Integer) client.call("account.move.reversal", "create", Map.of("move_ids", List.of(List.of(6, 0,
                List.of(entry))), "journal_id", 3, "date", "2026-07-01"));
        int reversal = (Integer) ((Map<String, Object>) client.call("account.move.reversal", "refund_moves",
                List.of(wizard))).get("res_id");
        // 92 EUR at 0.92 = 100.00 USD; at the reversal date's 0.85 it would be 108.24
        assertThat(lines(reversal)).extracting(line -> line.get("debit"), line -> line.get("credit"),
                line -> line.get("amount_currency"))
                .containsExactlyInAnyOrder(tuple(0.0, 100.0, -92.0),
                        tuple(100.0, 0.0, 92.0));
        int bill = eurBill("B-1", "2026-03-15");
        int billWizard = (Integer) client.call("account.move.reversal", "create", Map.of("move_ids", List.of(List.of(
                6, 0, List.of(bill))), "journal_id", 2, "date", "2026-07-01"));
        int refund = (Integer) ((Map<String, Object>) client.call("account.move.reversal", "refund_moves",
                List.of(billWizard))).get("res_id");
        assertThat(client.readOne("account.move", refund, "invoice_currency_rate", "amount_total_signed"))
                .containsEntry("invoice_currency_rate", 0.92)
                .containsEntry("amount_total_signed", 108.7);
    }

    @Test
    void theIntegrationUserReadsRatesButCannotWriteThem() {
        assertThat(client.searchRead("res.currency.rate", List.of(List.of("currency_id", "=", 1)), "name", "rate"))
                .extracting(rate -> rate.get("rate"))
                .containsExactlyInAnyOrder(0.85, 0.92);
        assertThat(client.fail("res.currency.rate", "create", List.of(Map.of("currency_id", 1, "rate", 0.8)), Map.of()))
                .containsEntry("name", "odoo.exceptions.AccessError");
    }

    @Test
    void anInvoiceInAnInactiveCurrencyIsNotPosted() {
        int bill = (Integer) client.call("account.move", "create", Map.of("move_type", "in_invoice", "partner_id", 4,
                "invoice_date", "2026-03-15", "currency_id", 3, "invoice_line_ids", List.of(List.of(0, 0, Map.of(
                        "name", "Freight", "quantity", 1.0, "price_unit", 100.0)))));
        assertThat(client.fail("account.move", "action_post", List.of(List.of(bill)), Map.of()).get("message"))
                .isEqualTo("You cannot validate a document with an inactive currency: GBP");
    }

    @Test
    void theCompanysCurrencyCannotBeArchived() {
        OdooStandin admin = OdooStandin.builder()
                .version("18.0")
                .groups("base.group_user", "base.group_system")
                .build()
                .start();
        try {
            TestClient settings = new TestClient(admin);
            assertThat(settings.fail("res.currency", "write", List.of(List.of(2), Map.of("active", false)), Map.of())
                    .get("message")).isEqualTo("This currency is set on a company and therefore cannot be deactivated.");
            assertThat(settings.call("res.currency", "write", List.of(List.of(1), Map.of("active", false)), Map.of()))
                    .isEqualTo(true);
        } finally {
            admin.close();
        }
    }
}

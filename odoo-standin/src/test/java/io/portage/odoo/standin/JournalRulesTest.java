package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Journal entries, bills and reversals: what ODOO.md says 18.0 accepts and refuses. */
class JournalRulesTest {

    private OdooStandin standin;
    private TestClient client;

    private void start(String version) {
        standin = OdooStandin.builder().version(version).build().start();
        client = new TestClient(standin);
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    private int postedAccrual() {
        int entry = (Integer) client.call("account.move", "create", Map.of("move_type", "entry", "journal_id", 3,
                "ref", "ACCR-1", "line_ids", List.of(
                        List.of(0, 0, Map.of("account_id", 4, "name", "Freight", "debit", 640.0)),
                        List.of(0, 0, Map.of("account_id", 6, "name", "Freight", "credit", 640.0)))));
        assertThat(client.call("account.move", "action_post", List.of(entry))).isEqualTo(false);
        return entry;
    }

    @Test
    void accountsAreFoundByCodeAndCompanyIdsOn18ButCompanyIdIsAnInvalidField() {
        // ODOO.md "Journal entry": in 18 account.account has company_ids, company_id is a ValueError "Invalid field"
        start("18.0");
        assertThat(client.call("account.account", "search", List.of(List.of(List.of("code", "=", "211100"), List.of(
                "company_ids", "in", List.of(1)))), Map.of())).isEqualTo(List.of(6));
        Map<String, Object> error = client.fail("account.account", "search", List.of(List.of(List.of("code", "=",
                "600000"), List.of("company_id", "=", 1))), Map.of());
        assertThat(error).containsEntry("name", "builtins.ValueError");
        assertThat(error.get("message").toString()).startsWith("Invalid field account.account.company_id");
        assertThat(client.call("account.journal", "search", List.of(List.of(List.of("type", "=", "general"), List.of(
                "code", "=", "MISC"))), Map.of())).isEqualTo(List.of(3));
    }

    @Test
    void on17AccountsHaveOneCompany() {
        // assumption (ODOO.md is silent on 17): account.account.company_id, no company_ids
        start("17.0");
        assertThat(client.call("account.account", "search", List.of(List.of(List.of("code", "=", "600000"), List.of(
                "company_id", "=", 1))), Map.of())).isEqualTo(List.of(4));
        assertThat(client.fail("account.account", "search", List.of(List.of(List.of("company_ids", "in", List.of(1)))),
                Map.of())).containsEntry("name", "builtins.ValueError");
    }

    @Test
    void anUnbalancedEntryIsRefusedAtCreate() {
        // ODOO.md: unbalanced lines are refused at create
        start("18.0");
        Map<String, Object> error = client.fail("account.move", "create", List.of(Map.of("move_type", "entry",
                "line_ids", List.of(List.of(0, 0, Map.of("account_id", 4, "debit", 10.0)), List.of(0, 0, Map.of(
                        "account_id", 6, "credit", 9.0))))),
                Map.of());
        assertThat(error).containsEntry("name", "odoo.exceptions.UserError");
        assertThat(error.get("message").toString()).contains("is not balanced");
        assertThat(standin.records("account.move")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameEntryCanBeReversedTwiceSoCheckReversalMoveIds() {
        // ODOO.md: Odoo lets you reverse the same entry twice; the original gains reversal_move_ids
        start("18.0");
        int entry = postedAccrual();
        int first = (Integer) client.call("account.move.reversal", "create", Map.of("move_ids", List.of(List.of(6, 0,
                List.of(entry))), "journal_id", 3));
        int reversal = (Integer) ((Map<String, Object>) client.call("account.move.reversal", "refund_moves",
                List.of(first))).get("res_id");
        assertThat(client.readOne("account.move", reversal, "state", "reversed_entry_id", "move_type"))
                .containsEntry("state", "posted")
                .containsEntry("move_type", "entry");
        int second = (Integer) client.call("account.move.reversal", "create", Map.of("move_ids", List.of(List.of(6, 0,
                List.of(entry))), "journal_id", 3));
        client.call("account.move.reversal", "refund_moves", List.of(second));
        assertThat((List<Integer>) client.readOne("account.move", entry, "reversal_move_ids")
                .get(
                        "reversal_move_ids"))
                .hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReversalDatedInTheFutureStaysDraft() {
        // ODOO.md: a reversal dated in the future stays draft
        start("18.0");
        int entry = postedAccrual();
        int wizard = (Integer) client.call("account.move.reversal", "create", Map.of("move_ids", List.of(List.of(6, 0,
                List.of(entry))), "journal_id", 3, "date", "2999-01-31"));
        int reversal = (Integer) ((Map<String, Object>) client.call("account.move.reversal", "refund_moves",
                List.of(wizard))).get("res_id");
        assertThat(client.readOne("account.move", reversal, "state", "date")).containsEntry("state", "draft")
                .containsEntry("date", "2999-01-31");
    }

    @Test
    void theReversalWizardNeedsAJournalOverTheApi() {
        // ODOO.md: journal_id is required over the API, else ValidationError naming Journal (journal_id)
        start("18.0");
        int entry = postedAccrual();
        Map<String, Object> error = client.fail("account.move.reversal", "create", List.of(Map.of("move_ids", List.of(
                List.of(6, 0, List.of(entry))))), Map.of());
        assertThat(error).containsEntry("name", "odoo.exceptions.ValidationError");
        assertThat(error.get("message").toString()).contains("a mandatory field is not set")
                .contains("Field: Journal (journal_id)");
    }

    @Test
    void aSecondBillWithTheSameVendorAndRefIsAcceptedAndOnlyFlagged() {
        // ODOO.md "Vendor bill": a second bill with the same vendor and ref is accepted and posted
        start("18.0");
        Map<String, Object> bill = Map.of("move_type", "in_invoice", "partner_id", 4, "ref", "CARRIER-INV-9",
                "invoice_date", "2026-03-01", "invoice_line_ids", List.of(List.of(0, 0, Map.of("name", "Freight",
                        "quantity", 1, "price_unit", 80.0))));
        int first = (Integer) client.call("account.move", "create", bill);
        int second = (Integer) client.call("account.move", "create", bill);
        client.call("account.move", "action_post", List.of(first, second));
        assertThat(client.readOne("account.move", second, "state", "duplicated_ref_ids"))
                .containsEntry("state", "posted")
                .containsEntry("duplicated_ref_ids", List.of(first));
    }

    @Test
    void aMethodReturningNoneIsAnsweredWithoutResult() {
        // ODOO.md "General rules": a method that returns None answers with no result key at all
        start("18.0");
        int entry = postedAccrual();
        Map<String, Object> response = client.executeKw("bot-password", "account.move", "button_draft",
                List.of(List.of(entry)), Map.of());
        assertThat(response).containsEntry("jsonrpc", "2.0")
                .containsEntry("id", 7)
                .doesNotContainKeys("result",
                        "error");
        assertThat(client.readOne("account.move", entry, "state")).containsEntry("state", "draft");
    }
}

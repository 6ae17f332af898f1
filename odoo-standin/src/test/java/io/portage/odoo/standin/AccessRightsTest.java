package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The integration user's rights as ODOO.md observed them on 18.0, with Odoo's own refusal texts. */
class AccessRightsTest {

    private OdooStandin standin;
    private TestClient client;

    private void start(String... groups) {
        OdooStandin.Builder builder = OdooStandin.builder();
        if (groups.length > 0) {
            builder.groups(groups);
        }
        standin = builder.build().start();
        client = new TestClient(standin);
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    @Test
    void creatingAContactNeedsContactCreationNotImpliedBySalesOrStock() {
        // ODOO.md "Access rights": create res.partner needs base.group_partner_manager, not implied by sales/stock users
        start("base.group_user", "sales_team.group_sale_salesman_all_leads", "stock.group_stock_user");
        Map<String, Object> error = client.fail("res.partner", "create", List.of(Map.of("name", "Acme")), Map.of());
        assertThat(error).containsEntry("name", "odoo.exceptions.AccessError")
                .containsEntry("message", "You are not allowed to create 'Contact' (res.partner) records.\n\n"
                        + "This operation is allowed for the following groups:\n\t- Extra Rights/Contact Creation\n"
                        + "\t- Inventory/Administrator\n\t- Sales/Administrator\n\n"
                        + "Contact your administrator to request access if necessary.");
        assertThat(standin.records("res.partner")).noneMatch(p -> "Acme".equals(p.get("name")));
    }

    @Test
    void aMissingRightHasEachProtocolsErrorShape() {
        // ODOO.md: AccessError over JSON-2 is a 403 with name and message; XML-RPC answers fault 4 (Odoo's rpc layer)
        standin = OdooStandin.builder().version("19.0").groups("base.group_user").build().start();
        client = new TestClient(standin);
        java.net.http.HttpResponse<String> json2 = client.json2("res.partner", "create", Map.of("vals_list", List.of(
                Map.of("name", "Acme"))), "bot-api-key");
        assertThat(json2.statusCode()).isEqualTo(403);
        assertThat(TestClient.read(json2.body())).containsEntry("name", "odoo.exceptions.AccessError");
        String xml = client.post("/xmlrpc/2/object", "text/xml", "<?xml version='1.0'?><methodCall><methodName>"
                + "execute_kw</methodName><params><param><value><string>portage</string></value></param><param><value>"
                + "<int>2</int></value></param><param><value><string>bot-password</string></value></param><param>"
                + "<value><string>sale.order</string></value></param><param><value><string>search</string></value>"
                + "</param><param><value><array><data><value><array><data></data></array></value></data></array>"
                + "</value></param></params></methodCall>").body();
        assertThat(xml).contains("<int>4</int>").contains("You are not allowed to read 'Sales Order' (sale.order)");
    }

    @Test
    void theDefaultIntegrationUserDoesPortagesWorkButNoAdministration() {
        // ODOO.md "Access rights" table: the groups an integration user needs, and no more
        start();
        assertThat(client.call("res.partner", "create", Map.of("name", "Acme", "ref", "C-1"))).isInstanceOf(Integer.class);
        int po = (Integer) client.call("purchase.order", "create", Map.of("partner_id", 4));
        assertThat(client.call("purchase.order", "button_confirm", List.of(po))).isEqualTo(true);
        assertThat(client.fail("account.account", "create", List.of(Map.of("code", "999999", "name", "X",
                "account_type", "expense")), Map.of()).get("message").toString())
                .startsWith("You are not allowed to create 'Account' (account.account) records.")
                .contains("\t- Invoicing/Administrator\n");
        assertThat(client.fail("res.company", "write", List.of(List.of(1), Map.of("name", "Other")), Map.of())
                .get("message")
                .toString()).contains("'Companies' (res.company)")
                .contains("\t- Administration/Access Rights\n");
    }

    @Test
    void confirmingADraftPurchaseOrderWorksWithBillingAloneButCreatingItDoesNot() {
        // ODOO.md "Access rights": create purchase.order needs purchase.group_purchase_user; confirm works with Billing
        start("base.group_user", "account.group_account_invoice");
        int po = standin.createAsSuperuser("purchase.order", Map.of("partner_id", 4, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 1, "product_qty", 3)))));
        assertThat(client.fail("purchase.order", "create", List.of(Map.of("partner_id", 4)), Map.of())
                .get("message")
                .toString()).startsWith("You are not allowed to create 'Purchase Order' "
                        + "(purchase.order) records.")
                .contains("\t- Purchase/User\n");
        assertThat(client.call("purchase.order", "button_confirm", List.of(po))).isEqualTo(true);
        assertThat(client.readOne("purchase.order", po, "state")).containsEntry("state", "purchase");
    }

    @Test
    void theIntegrationUserReadsChatterMessagesButNotTrackingValuesNorSystemParameters() {
        // ODOO.md "Getting events out of Odoo": mail.message readable, tracking values and ir.config_parameter are not
        start();
        int order = (Integer) client.call("sale.order", "create", Map.of("partner_id", 3, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 1, "product_uom_qty", 1)))));
        client.call("sale.order", "action_confirm", List.of(order));
        client.call("sale.order", "action_cancel", List.of(order));

        List<Map<String, Object>> messages = client.searchRead("mail.message", List.of(List.of("model", "=",
                "sale.order"), List.of("res_id", "=", order)), "model", "res_id", "date", "subtype_id", "message_type");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).containsEntry("subtype_id", List.of(3, "Sales Order Confirmed"))
                .containsEntry("message_type", "notification")
                .containsEntry("model", "sale.order");
        assertThat((String) messages.get(0).get("date")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(client.searchRead("ir.model.data", List.of(List.of("module", "=", "sale"), List.of("name", "=",
                "mt_order_confirmed")), "res_id")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("res_id",
                        3));

        Map<String, Object> field = client.fail("mail.message", "read", List.of(List.of(messages.get(0).get("id")),
                List.of("tracking_value_ids")), Map.of());
        assertThat(field).containsEntry("name", "odoo.exceptions.AccessError");
        assertThat(field.get("message").toString()).contains("tracking_value_ids (allowed for groups "
                + "'Administration / Settings')");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) client.call("mail.message", "read",
                List.of(messages.get(0).get("id")));
        assertThat(all.get(0)).containsKey("subtype_id").doesNotContainKey("tracking_value_ids");
        assertThat(client.fail("mail.tracking.value", "search_read", List.of(List.of()), Map.of())
                .get("message")
                .toString()).startsWith("You are not allowed to read 'Mail Tracking Value' (mail.tracking.value)");
        assertThat(client.fail("ir.config_parameter", "search_read", List.of(List.of(List.of("key", "=",
                "database.uuid"))), Map.of()).get("name")).isEqualTo("odoo.exceptions.AccessError");
        assertThat(standin.records("mail.tracking.value")).hasSize(2);
    }

    @Test
    void messagesOfDocumentsTheUserCannotReadAreHidden() {
        // ODOO.md: the integration user reads the mail.message records of documents it can read
        start("base.group_user", "account.group_account_invoice");
        standin.createAsSuperuser("mail.message", Map.of("model", "sale.order", "res_id", 1, "body", "hidden"));
        int visible = standin.createAsSuperuser("mail.message", Map.of("model", "res.partner", "res_id", 3));
        assertThat(client.searchRead("mail.message", List.of(), "model")).extracting(m -> m.get("id"))
                .containsExactly(visible);
    }

    @Test
    void theFirstCompanysCreationDateIdentifiesTheDatabase() {
        // ODOO.md "Which Odoo is this?": res.company 1's create_date is readable, database.uuid is not
        standin = OdooStandin.builder().databaseCreated(java.time.Instant.parse("2024-05-06T07:08:09Z")).build().start();
        client = new TestClient(standin);
        assertThat(client.readOne("res.company", 1, "create_date")).containsEntry("create_date",
                "2024-05-06 07:08:09");
    }

    @Test
    void privateMethodsAreRefusedWithOdoosText() {
        // ODOO.md "General rules": Private methods (such as 'account.move._reverse_moves') cannot be called remotely.
        start();
        assertThat(client.fail("account.move", "_reverse_moves", List.of(List.of(1)), Map.of()))
                .containsEntry("name", "odoo.exceptions.AccessError")
                .containsEntry("message", "Private methods (such as 'account.move._reverse_moves') cannot be called "
                        + "remotely.");
    }
}

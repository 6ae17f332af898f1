package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonRpcTest {

    private OdooStandin standin;
    private TestClient client;

    @BeforeEach
    void start() {
        standin = OdooStandin.builder()
                .version("18.0")
                .database("portage")
                .user("bot", "bot-password")
                .apiKey("bot-api-key")
                .build()
                .start();
        client = new TestClient(standin);
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    @Test
    void versionInfoAnswersPostOnly() {
        Map<String, Object> response = TestClient.read(client.post("/web/webclient/version_info", "application/json",
                "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{},\"id\":1}").body());
        assertThat(response).containsEntry("jsonrpc", "2.0").containsEntry("id", 1);
        assertThat(response.get("result")).isEqualTo(Map.of("server_version", "18.0-20250702", "server_version_info",
                List.of(18, 0, 0, "final", 0, ""), "server_serie", "18.0", "protocol_version", 1));
        assertThat(client.get("/web/webclient/version_info").statusCode()).isEqualTo(405);
        assertThat(client.get("/jsonrpc").statusCode()).isEqualTo(405);
    }

    @Test
    void loginReturnsUidOrFalse() {
        assertThat(client.jsonRpc("common", "login", "portage", "bot", "bot-password").get("result")).isEqualTo(2);
        assertThat(client.jsonRpc("common", "login", "portage", "bot", "bot-api-key").get("result")).isEqualTo(2);
        assertThat(client.jsonRpc("common", "login", "portage", "bot", "wrong").get("result")).isEqualTo(false);
        assertThat(client.jsonRpc("common", "authenticate", "portage", "bot", "bot-password", Map.of()).get("result"))
                .isEqualTo(2);
        assertThat(client.jsonRpc("common", "version").get("result")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("server_serie", "18.0");
    }

    @Test
    void searchReadReturnsDicts() {
        Object result = client.call("res.partner", "search_read", List.of(List.of(List.of("is_company", "=", true))),
                Map.of("fields", List.of("id", "name", "email"), "limit", 3, "order", "id"));
        assertThat(result).isEqualTo(List.of(
                Map.of("id", 1, "name", "YourCompany", "email", "info@yourcompany.example"),
                Map.of("id", 3, "name", "Azure Interior", "email", "azure.interior24@example.com"),
                Map.of("id", 4, "name", "Deco Addict", "email", "deco_addict@example.com")));
    }

    @Test
    void domainsSupportPrefixOperatorsAndComparisons() {
        assertThat(client.call("res.partner", "search",
                List.of(List.of("|", List.of("name", "ilike", "azure"), List.of("ref", "=", "CUST-DECO"))),
                Map.of("order", "id"))).isEqualTo(List.of(3, 4));
        assertThat(client.call("res.partner", "search", List.of(List.of("!", List.of("id", "in", List.of(1, 2, 3)))),
                Map.of("order", "id"))).isEqualTo(List.of(4, 5));
        assertThat(client.call("product.product", "search",
                List.of(List.of(List.of("list_price", ">=", 70), List.of("default_code", "=like", "PT-%"))),
                Map.of("order", "list_price desc"))).isEqualTo(List.of(2, 1));
        assertThat(client.call("res.partner", "search_count", List.of(List.of(List.of("parent_id.name", "=",
                "Azure Interior"))), Map.of())).isEqualTo(1);
        assertThat(client.call("res.partner", "search", List.of(List.of(List.of("parent_id", "!=", false))), Map.of()))
                .isEqualTo(List.of(5));
        client.call("res.partner", "write", List.of(List.of(4), Map.of("active", false)), Map.of());
        assertThat(client.call("res.partner", "search", List.of(List.of(List.of("is_company", "=", true))),
                Map.of("order", "id"))).isEqualTo(List.of(1, 3));
        assertThat(client.call("res.partner", "search", List.of(List.of(List.of("active", "=", false))), Map.of()))
                .isEqualTo(List.of(4));
        assertThat(client.readOne("res.partner", 5, "display_name", "parent_id"))
                .containsEntry("display_name", "Azure Interior, Brandon Freeman")
                .containsEntry("parent_id", List.of(3, "Azure Interior"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void orderCreateConfirmMakesAPickingLikeOdoo() {
        Object id = client.call("sale.order", "create", Map.of("partner_id", 3, "client_order_ref", "REF-1",
                "order_line", List.of(List.of(0, 0, Map.of("product_id", 3, "product_uom_qty", 2)))));
        assertThat(id).isInstanceOf(Integer.class);
        Map<String, Object> order = client.readOne("sale.order", (Integer) id, "name", "state", "partner_id",
                "order_line", "amount_total", "create_date", "write_date");
        assertThat(order).containsEntry("name", "S00001")
                .containsEntry("state", "draft")
                .containsEntry("partner_id", List.of(3, "Azure Interior"))
                .containsEntry("amount_total", 50.0);
        assertThat((String) order.get("create_date")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat((List<Integer>) order.get("order_line")).hasSize(1);

        assertThat(client.call("sale.order", "action_confirm", List.of(id))).isEqualTo(true);
        Map<String, Object> confirmed = client.readOne("sale.order", (Integer) id, "state", "picking_ids");
        assertThat(confirmed).containsEntry("state", "sale");
        int pickingId = ((List<Integer>) confirmed.get("picking_ids")).get(0);
        Map<String, Object> picking = client.readOne("stock.picking", pickingId, "name", "state", "origin",
                "picking_type_id", "move_ids", "sale_id", "carrier_tracking_ref");
        assertThat(picking).containsEntry("name", "WH/OUT/00001")
                .containsEntry("state", "confirmed")
                .containsEntry("origin", "S00001 - REF-1")
                .containsEntry("picking_type_id", List.of(2, "YourCompany: Delivery Orders"))
                .containsEntry("sale_id", List.of(id, "S00001"))
                .containsEntry("carrier_tracking_ref", false);
        int moveId = ((List<Integer>) picking.get("move_ids")).get(0);
        assertThat(client.readOne("stock.move", moveId, "product_uom_qty", "quantity", "state"))
                .containsEntry("product_uom_qty", 2.0)
                .containsEntry("quantity", 0.0)
                .containsEntry("state", "confirmed");

        Map<String, Object> again = client.executeKw("bot-password", "sale.order", "action_confirm", List.of(List.of(
                id)), Map.of());
        assertThat(errorData(again)).containsEntry("name", "odoo.exceptions.UserError");
        assertThat(standin.calls("sale.order", "action_confirm")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void stockOnHandIsReservedAndValidates() {
        int orderId = (Integer) client.call("sale.order", "create", Map.of("partner_id", 4, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 1, "product_uom_qty", 3)))));
        client.call("sale.order", "action_confirm", List.of(orderId));
        int pickingId = ((List<Integer>) client.readOne("sale.order", orderId, "picking_ids").get("picking_ids"))
                .get(0);
        assertThat(client.readOne("stock.picking", pickingId, "state")).containsEntry("state", "assigned");
        assertThat(client.call("stock.picking", "write", List.of(List.of(pickingId),
                Map.of("carrier_tracking_ref", "TRACK-1", "scheduled_date", "2030-01-02 10:00:00")), Map.of()))
                .isEqualTo(true);
        assertThat(client.call("stock.picking", "button_validate", List.of(pickingId))).isEqualTo(true);
        assertThat(client.readOne("stock.picking", pickingId, "state", "carrier_tracking_ref", "scheduled_date"))
                .containsEntry("state", "done")
                .containsEntry("carrier_tracking_ref", "TRACK-1")
                .containsEntry("scheduled_date", "2030-01-02 10:00:00");
        assertThat(client.readOne("product.product", 1, "qty_available")).containsEntry("qty_available", 97.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void partialQuantitiesOpenTheBackorderWizard() {
        int orderId = (Integer) client.call("sale.order", "create", Map.of("partner_id", 4, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 2, "product_uom_qty", 8)))));
        client.call("sale.order", "action_confirm", List.of(orderId));
        int pickingId = ((List<Integer>) client.readOne("sale.order", orderId, "picking_ids").get("picking_ids"))
                .get(0);
        Map<String, Object> picking = client.readOne("stock.picking", pickingId, "state", "move_ids");
        assertThat(picking).containsEntry("state", "assigned");
        int moveId = ((List<Integer>) picking.get("move_ids")).get(0);
        assertThat(client.readOne("stock.move", moveId, "quantity", "state")).containsEntry("quantity", 5.0)
                .containsEntry("state", "partially_available");

        Map<String, Object> action = (Map<String, Object>) client.call("stock.picking", "button_validate",
                List.of(pickingId));
        assertThat(action).containsEntry("type", "ir.actions.act_window")
                .containsEntry("res_model", "stock.backorder.confirmation")
                .containsEntry("target", "new");
        int wizardId = (Integer) client.call("stock.backorder.confirmation", "create",
                List.of(Map.of("pick_ids", List.of(List.of(4, pickingId)))), Map.of("context", action.get("context")));
        assertThat(client.call("stock.backorder.confirmation", "process", List.of(List.of(wizardId)),
                Map.of("context", action.get("context")))).isEqualTo(true);

        assertThat(client.readOne("stock.picking", pickingId, "state")).containsEntry("state", "done");
        List<Map<String, Object>> backorders = (List<Map<String, Object>>) client.call("stock.picking",
                "search_read", List.of(List.of(List.of("backorder_id", "=", pickingId))),
                Map.of("fields", List.of("name", "state", "origin")));
        assertThat(backorders).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("name", "WH/OUT/00002")
                        .containsEntry("state", "confirmed"));
    }

    @Test
    void validatingWithoutQuantitiesIsAUserError() {
        int orderId = (Integer) client.call("sale.order", "create", Map.of("partner_id", 4, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 3)))));
        client.call("sale.order", "action_confirm", List.of(orderId));
        Map<String, Object> response = client.executeKw("bot-password", "stock.picking", "button_validate",
                List.of(List.of(1)), Map.of());
        assertThat(errorData(response)).containsEntry("name", "odoo.exceptions.UserError")
                .containsEntry("message", Pickings.NO_QUANTITIES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchCreateReturnsIdsAndWriteUpdatesWriteDate() {
        Object ids = client.call("res.partner", "create", List.of(List.of(Map.of("name", "A", "ref", "R-A"),
                Map.of("name", "B", "ref", "R-B"))), Map.of());
        assertThat(ids).isEqualTo(List.of(6, 7));
        assertThat(client.call("res.partner", "write", List.of(List.of(6, 7), Map.of("city", "Gent")), Map.of()))
                .isEqualTo(true);
        assertThat(standin.records("res.partner")).filteredOn(r -> List.of(6, 7).contains(r.get("id")))
                .allSatisfy(r -> assertThat(r).containsEntry("city", "Gent").containsKey("write_date"));
        assertThat(client.call("res.partner", "search", List.of(List.of(List.of("write_date", ">=",
                "2000-01-01 00:00:00"), List.of("ref", "like", "R-"))), Map.of())).isEqualTo(List.of(6, 7));
        assertThat(client.call("res.partner", "unlink", List.of(List.of(7)), Map.of())).isEqualTo(true);
        assertThat((List<Object>) client.call("res.partner", "search", List.of(List.of(List.of("id", "=", 7))),
                Map.of())).isEmpty();
    }

    @Test
    void invoicesPostWithASequenceName() {
        int moveId = (Integer) client.call("account.move", "create", Map.of("move_type", "out_invoice", "partner_id",
                3, "ref", "SHIP-9", "invoice_origin", "S00001", "invoice_line_ids",
                List.of(List.of(0, 0, Map.of("product_id", 1, "quantity", 2)))));
        assertThat(client.readOne("account.move", moveId, "display_name", "state", "amount_total"))
                .containsEntry("display_name", "Draft Invoice (* " + moveId + ")")
                .containsEntry("state", "draft")
                .containsEntry("amount_total", 140.0);
        assertThat(client.call("account.move", "action_post", List.of(moveId))).isEqualTo(false);
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        assertThat(client.readOne("account.move", moveId, "name", "state")).containsEntry("name", "INV/" + year
                + "/00001").containsEntry("state", "posted");
        assertThat(client.call("account.move", "search_count", List.of(List.of(List.of("move_type", "=",
                "out_invoice"))), Map.of())).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void nameSearchAndFieldsGet() {
        assertThat(client.call("product.product", "name_search", List.of("chair"), Map.of("limit", 5)))
                .isEqualTo(List.of(List.of(1, "[PT-CHAIR-01] Office Chair")));
        Map<String, Object> fields = (Map<String, Object>) client.call("sale.order", "fields_get", List.of(),
                Map.of("allfields", List.of("partner_id", "state")));
        assertThat(fields).containsOnlyKeys("partner_id", "state");
        assertThat((Map<String, Object>) fields.get("partner_id")).containsEntry("type", "many2one")
                .containsEntry("relation", "res.partner")
                .containsEntry("required", true);
    }

    @Test
    void externalIdsAreUniquePerModule() {
        standin.close();
        List<String> groups = new java.util.ArrayList<>(OdooStandin.INTEGRATION_GROUPS);
        groups.add("base.group_system");
        standin = OdooStandin.builder().groups(groups.toArray(String[]::new)).build().start();
        client = new TestClient(standin);
        int seeded = standin.records("ir.model.data").size();
        int next = standin.records("ir.model.data").stream().mapToInt(r -> (Integer) r.get("id")).max().orElse(0) + 1;
        assertThat(client.call("ir.model.data", "create", Map.of("module", "portage", "name", "order_42", "model",
                "sale.order", "res_id", 1))).isEqualTo(next);
        Map<String, Object> duplicate = client.executeKw("bot-password", "ir.model.data", "create", List.of(Map.of(
                "module", "portage", "name", "order_42", "model", "sale.order", "res_id", 2)), Map.of());
        assertThat(errorData(duplicate)).containsEntry("name", "odoo.exceptions.ValidationError");
        assertThat(standin.records("ir.model.data")).hasSize(seeded + 1);
    }

    @Test
    void errorsHaveOdoosShape() {
        Map<String, Object> denied = client.executeKw("wrong", "res.partner", "search", List.of(List.of()), Map.of());
        assertThat(denied).containsEntry("jsonrpc", "2.0").containsEntry("id", 7);
        Map<String, Object> error = asMap(denied.get("error"));
        assertThat(error).containsEntry("code", 200).containsEntry("message", "Odoo Server Error");
        assertThat(asMap(error.get("data"))).containsEntry("name", "odoo.exceptions.AccessDenied")
                .containsEntry("message", "Access Denied")
                .containsEntry("arguments", List.of("Access Denied"))
                .containsKey("debug");

        assertThat(errorData(client.executeKw("bot-password", "no.such.model", "search", List.of(List.of()),
                Map.of()))).containsEntry("name", "odoo.exceptions.UserError")
                .containsEntry("message", "Object no.such.model doesn't exist");

        Map<String, Object> missing = errorData(client.executeKw("bot-password", "sale.order", "create",
                List.of(Map.of("client_order_ref", "X")), Map.of()));
        assertThat(missing).containsEntry("name", "odoo.exceptions.ValidationError");
        assertThat((String) missing.get("message")).contains("mandatory field is not set")
                .contains("Field: Customer (partner_id)");
        assertThat(errorData(client.executeKw("bot-password", "res.partner", "create", List.of(Map.of("email", "x@y")),
                Map.of()))).containsEntry("message", "The operation cannot be completed: Contacts require a name");

        Map<String, Object> gone = errorData(client.executeKw("bot-password", "sale.order", "read",
                List.of(List.of(999)), Map.of()));
        assertThat(gone).containsEntry("name", "odoo.exceptions.MissingError");
        assertThat((String) gone.get("message")).startsWith("Record does not exist or has been deleted.");
        assertThat(errorData(client.executeKw("bot-password", "res.partner", "write", List.of(List.of(999),
                Map.of("name", "x")), Map.of()))).containsEntry("name", "odoo.exceptions.MissingError");
        assertThat(errorData(client.executeKw("bot-password", "res.partner", "frobnicate", List.of(List.of(1)),
                Map.of()))).containsEntry("name", "builtins.AttributeError");
        assertThat(errorData(client.executeKw("bot-password", "res.partner", "read", List.of(List.of(1)),
                Map.of("fields", List.of("no_such_field"))))).containsEntry("name", "builtins.ValueError");
    }

    @Test
    void aFailedCallLeavesNothingBehind() {
        Map<String, Object> response = client.executeKw("bot-password", "res.partner", "create", List.of(List.of(
                Map.of("name", "Kept?"), Map.of("email", "no-name@example.com"))), Map.of());
        assertThat(response).containsKey("error");
        assertThat(standin.records("res.partner")).noneMatch(r -> "Kept?".equals(r.get("name")));
        assertThat(client.call("res.partner", "create", Map.of("name", "Next"))).isEqualTo(6);
    }

    static Map<String, Object> errorData(Map<String, Object> response) {
        assertThat(response).containsKey("error").doesNotContainKey("result");
        return asMap(asMap(response.get("error")).get("data"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}

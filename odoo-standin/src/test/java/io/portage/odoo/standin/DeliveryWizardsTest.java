package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Validating deliveries as ODOO.md saw 18.0 do it: context, the backorder wizard first, then the SMS wizard. */
class DeliveryWizardsTest {

    private OdooStandin standin;
    private TestClient client;

    @BeforeEach
    void start() {
        standin = OdooStandin.builder().build().start();
        client = new TestClient(standin);
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    /** A confirmed order of 8 desks (5 on hand) for a customer with or without a phone; its delivery's id. */
    @SuppressWarnings("unchecked")
    private int delivery(boolean phone) {
        Map<String, Object> partner = phone
                ? Map.of("name", "Phone Customer", "phone", "+1 555 0100")
                : Map.of("name", "Quiet Customer");
        int customer = (Integer) client.call("res.partner", "create", partner);
        int order = (Integer) client.call("sale.order", "create", Map.of("partner_id", customer, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 2, "product_uom_qty", 8)))));
        client.call("sale.order", "action_confirm", List.of(order));
        return ((List<Integer>) client.readOne("sale.order", order, "picking_ids").get("picking_ids")).get(0);
    }

    private String state(int picking) {
        return (String) client.readOne("stock.picking", picking, "state").get("state");
    }

    private List<Map<String, Object>> backorders(int picking) {
        return client.searchRead("stock.picking", List.of(List.of("backorder_id", "=", picking)), "state");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBackorderWizardCreatedWithoutTheActionsContextValidatesNothing() {
        // ODOO.md "Wizards": created without button_validate_picking_ids, process answers true and validates nothing
        int picking = delivery(false);
        Map<String, Object> action = (Map<String, Object>) client.call("stock.picking", "button_validate",
                List.of(picking));
        assertThat(action).containsEntry("res_model", "stock.backorder.confirmation").doesNotContainKey("res_id");
        assertThat((Map<String, Object>) action.get("context")).containsEntry("button_validate_picking_ids",
                List.of(picking)).containsEntry("default_pick_ids", List.of(List.of(4, picking)));
        int bare = (Integer) client.call("stock.backorder.confirmation", "create", Map.of("pick_ids", List.of(List
                .of(4, picking))));
        assertThat(client.call("stock.backorder.confirmation", "process", List.of(bare))).isEqualTo(true);
        assertThat(state(picking)).isEqualTo("assigned");

        Map<String, Object> context = (Map<String, Object>) action.get("context");
        int wizard = (Integer) client.call("stock.backorder.confirmation", "create", List.of(Map.of()),
                Map.of("context", context));
        assertThat(client.readOne("stock.backorder.confirmation", wizard, "pick_ids")).containsEntry("pick_ids",
                List.of(picking));
        assertThat(client.callWith(context, "stock.backorder.confirmation", "process_cancel_backorder",
                List.of(wizard))).isEqualTo(true);
        assertThat(state(picking)).isEqualTo("done");
        assertThat(backorders(picking)).isEmpty();
    }

    @Test
    void skipBackorderMakesABackorderAndPickingIdsNotToBackorderClosesWithout() {
        // ODOO.md "Purchase order and receipt": skip_backorder makes a backorder; picking_ids_not_to_backorder none
        int first = delivery(false);
        assertThat(client.callWith(Map.of("skip_backorder", true), "stock.picking", "button_validate",
                List.of(first))).isEqualTo(true);
        assertThat(state(first)).isEqualTo("done");
        assertThat(backorders(first)).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("state",
                        "confirmed"));

        standin.createAsSuperuser("stock.quant", Map.of("product_id", 2, "location_id", 6, "quantity", 2.0));
        int second = delivery(false);
        assertThat(client.callWith(Map.of("skip_backorder", true, "picking_ids_not_to_backorder", List.of(second)),
                "stock.picking", "button_validate", List.of(second))).isEqualTo(true);
        assertThat(backorders(second)).isEmpty();
        assertThat(client.call("stock.picking", "button_validate", List.of(second))).isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSmsWizardComesAfterTheBackorderWizardAndHasNoProcess() {
        // ODOO.md "Delivery": backorder wizard first, then confirm.stock.sms (send_sms/dont_send_sms, no process)
        int picking = delivery(true);
        Map<String, Object> backorder = (Map<String, Object>) client.call("stock.picking", "button_validate",
                List.of(picking));
        Map<String, Object> context = (Map<String, Object>) backorder.get("context");
        int wizard = (Integer) client.call("stock.backorder.confirmation", "create", List.of(Map.of()),
                Map.of("context", context));
        Map<String, Object> sms = (Map<String, Object>) client.callWith(context, "stock.backorder.confirmation",
                "process", List.of(wizard));
        assertThat(sms).containsEntry("res_model", "confirm.stock.sms")
                .containsEntry("target", "new")
                .containsKey("res_id");
        assertThat((Map<String, Object>) sms.get("context")).containsEntry("skip_backorder", true);
        int smsId = (Integer) sms.get("res_id");
        assertThat(client.fail("confirm.stock.sms", "process", List.of(List.of(smsId)), Map.of()))
                .containsEntry("name", "builtins.AttributeError");
        // answering it writes res.company, which the integration user may not (ODOO.md)
        assertThat(client.fail("confirm.stock.sms", "dont_send_sms", List.of(List.of(smsId)), Map.of("context",
                sms.get("context"))).get("message").toString())
                .startsWith("You are not allowed to modify 'Companies' (res.company) records.");
        assertThat(state(picking)).isEqualTo("assigned");

        assertThat(client.callWith(Map.of("skip_sms", true, "skip_backorder", true), "stock.picking",
                "button_validate", List.of(picking))).isEqualTo(true);
        assertThat(state(picking)).isEqualTo("done");
    }

    @Test
    void anAdministratorsAnswerToTheSmsWizardIsKeptByTheCompany() {
        // ODOO.md "Delivery": the SMS wizard appears while the company has not answered it
        standin.close();
        standin = OdooStandin.builder()
                .groups("base.group_user", "base.group_partner_manager",
                        "sales_team.group_sale_salesman_all_leads", "stock.group_stock_user", "base.group_erp_manager")
                .build()
                .start();
        client = new TestClient(standin);
        standin.createAsSuperuser("stock.quant", Map.of("product_id", 2, "location_id", 6, "quantity", 20.0));
        int picking = delivery(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> sms = (Map<String, Object>) client.call("stock.picking", "button_validate",
                List.of(picking));
        assertThat(sms).containsEntry("res_model", "confirm.stock.sms");
        assertThat(client.callWith((Map<String, ?>) sms.get("context"), "confirm.stock.sms", "send_sms",
                List.of(sms.get("res_id")))).isEqualTo(true);
        assertThat(state(picking)).isEqualTo("done");
        assertThat(client.readOne("res.company", 1, "has_received_warning_stock_sms")).containsEntry(
                "has_received_warning_stock_sms", true);
        assertThat(client.call("stock.picking", "button_validate", List.of(delivery(true)))).isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pickedMovesAloneAreShippedTheOthersGoToTheBackorder() {
        // ODOO.md "Delivery": if any move is picked, moves not picked are left out and go to the backorder
        int customer = (Integer) client.call("res.partner", "create", Map.of("name", "Two Lines"));
        int order = (Integer) client.call("sale.order", "create", Map.of("partner_id", customer, "order_line", List
                .of(List.of(0, 0, Map.of("product_id", 1, "product_uom_qty", 2)), List.of(0, 0, Map.of("product_id",
                        4, "product_uom_qty", 3)))));
        client.call("sale.order", "action_confirm", List.of(order));
        int picking = ((List<Integer>) client.readOne("sale.order", order, "picking_ids").get("picking_ids")).get(0);
        List<Integer> moves = (List<Integer>) client.readOne("stock.picking", picking, "move_ids").get("move_ids");
        client.call("stock.move", "write", List.of(List.of(moves.get(0)), Map.of("quantity", 2, "picked", true)),
                Map.of());
        client.call("stock.picking", "write", List.of(List.of(picking), Map.of("carrier_id", 2,
                "carrier_tracking_ref", "TRK-1")), Map.of());
        assertThat(client.callWith(Map.of("skip_sms", true, "skip_backorder", true), "stock.picking",
                "button_validate", List.of(picking))).isEqualTo(true);
        List<Map<String, Object>> backorders = backorders(picking);
        assertThat(backorders).hasSize(1);
        Map<String, Object> backorder = client.readOne("stock.picking", (Integer) backorders.get(0).get("id"),
                "move_ids", "carrier_id", "carrier_tracking_ref");
        assertThat(backorder).containsEntry("carrier_id", List.of(2, "Express Courier"))
                .containsEntry("carrier_tracking_ref", false);
        assertThat((List<Integer>) backorder.get("move_ids")).singleElement()
                .satisfies(m -> assertThat(client.readOne("stock.move", m, "product_id")).containsEntry("product_id",
                        List.of(4, "[PT-CABLE-01] Cable Kit")));
    }

    @Test
    void creatingABackorderPostsInTheChatterSoTheUserNeedsAnEmail() {
        // ODOO.md "Access rights": without an e-mail, creating a backorder fails with this UserError
        standin.close();
        standin = OdooStandin.builder().userEmail(null).build().start();
        client = new TestClient(standin);
        int picking = delivery(false);
        assertThat(client.fail("stock.picking", "button_validate", List.of(List.of(picking)), Map.of("context",
                Map.of("skip_backorder", true)))).containsEntry("name", "odoo.exceptions.UserError")
                .containsEntry("message", "Unable to send message, please configure the sender's email address.");
        assertThat(state(picking)).isEqualTo("assigned");
        assertThat(client.callWith(Map.of("skip_backorder", true, "picking_ids_not_to_backorder", List.of(picking)),
                "stock.picking", "button_validate", List.of(picking))).isEqualTo(true);
    }

    @Test
    void activeTestFalseInTheContextFindsArchivedRecords() {
        // ODOO.md: context is honoured; active_test false finds archived records as in Odoo
        client.call("res.partner", "write", List.of(List.of(4), Map.of("active", false)), Map.of());
        assertThat(client.call("res.partner", "search", List.of(List.of(List.of("ref", "=", "CUST-DECO"))),
                Map.of())).isEqualTo(List.of());
        assertThat(client.call("res.partner", "search", List.of(List.of(List.of("ref", "=", "CUST-DECO"))),
                Map.of("context", Map.of("active_test", false)))).isEqualTo(List.of(4));
    }
}

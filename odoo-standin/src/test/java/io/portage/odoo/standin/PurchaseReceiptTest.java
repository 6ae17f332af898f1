package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Purchase orders, their receipts and scraps as ODOO.md's "Purchase order and receipt" describes 18.0. */
class PurchaseReceiptTest {

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

    /** A confirmed purchase of 10 lamps and 4 chairs from Deco Addict; its id. */
    private int confirmedPurchase() {
        int po = (Integer) client.call("purchase.order", "create", Map.of("partner_id", 4, "partner_ref", "DECO-77",
                "order_line", List.of(
                        List.of(0, 0, Map.of("product_id", 3, "product_qty", 10, "price_unit", 12.5, "date_planned",
                                "2026-03-05 09:00:00")),
                        List.of(0, 0, Map.of("product_id", 1, "product_qty", 4, "price_unit", 40, "date_planned",
                                "2026-03-04 14:00:00")))));
        assertThat(client.call("purchase.order", "button_confirm", List.of(po))).isEqualTo(true);
        return po;
    }

    @SuppressWarnings("unchecked")
    private int receipt(int po) {
        return ((List<Integer>) client.readOne("purchase.order", po, "picking_ids").get("picking_ids")).get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConfirmedPurchaseOrderHasWhatADockAppointmentIsCheckedAgainst() {
        // ODOO.md: name, state, partner_ref, date_planned (earliest line), picking_ids, receipt_status, line quantities
        int po = confirmedPurchase();
        Map<String, Object> order = client.readOne("purchase.order", po, "name", "state", "partner_id", "partner_ref",
                "date_planned", "picking_ids", "receipt_status", "order_line");
        assertThat(order).containsEntry("name", "P00001")
                .containsEntry("state", "purchase")
                .containsEntry("partner_ref", "DECO-77")
                .containsEntry("date_planned", "2026-03-04 14:00:00")
                .containsEntry("receipt_status", "pending");
        int receipt = receipt(po);
        Map<String, Object> picking = client.readOne("stock.picking", receipt, "picking_type_code", "origin",
                "purchase_id", "state", "move_ids");
        assertThat(picking).containsEntry("picking_type_code", "incoming")
                .containsEntry("origin", "P00001")
                .containsEntry("purchase_id", List.of(po, "P00001"))
                .containsEntry("state", "assigned");
        // the receipt's moves arrive pre-filled: quantity = demand, picked false, state assigned
        assertThat(client.searchRead("stock.move", List.of(List.of("picking_id", "=", receipt)), "product_uom_qty",
                "quantity", "picked", "state")).allSatisfy(
                        m -> assertThat(m).containsEntry("quantity",
                                m.get("product_uom_qty")).containsEntry("picked", false).containsEntry("state", "assigned"));
        assertThat(client.call("purchase.order", "button_confirm", List.of(po))).isEqualTo(true);
        assertThat((List<Integer>) client.readOne("purchase.order", po, "picking_ids").get("picking_ids")).hasSize(1);
    }

    @Test
    void aShortReceiptClosedWithoutBackorderSaysFullSoCompareQuantities() {
        // ODOO.md: receipt_status says full after a short receipt closed without a backorder: compare quantities
        int po = confirmedPurchase();
        int receipt = receipt(po);
        List<Map<String, Object>> moves = client.searchRead("stock.move", List.of(List.of("picking_id", "=",
                receipt)), "product_id");
        client.call("stock.move", "write", List.of(List.of(moves.get(0).get("id")), Map.of("quantity", 7)), Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) client.call("stock.picking", "button_validate",
                List.of(receipt));
        assertThat(action).containsEntry("res_model", "stock.backorder.confirmation");
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) action.get("context");
        int wizard = (Integer) client.call("stock.backorder.confirmation", "create", List.of(Map.of()),
                Map.of("context", context));
        client.callWith(context, "stock.backorder.confirmation", "process_cancel_backorder", List.of(wizard));

        assertThat(client.readOne("purchase.order", po, "receipt_status")).containsEntry("receipt_status", "full");
        assertThat(client.searchRead("purchase.order.line", List.of(List.of("order_id", "=", po)), "product_qty",
                "qty_received")).extracting(l -> l.get("qty_received")).containsExactly(7.0, 4.0);
        assertThat(client.readOne("product.product", 3, "qty_available")).containsEntry("qty_available", 7.0);
        assertThat(client.call("stock.picking", "button_validate", List.of(receipt))).isEqualTo(true);
    }

    @Test
    void aShortReceiptWithBackorderIsPartial() {
        // ODOO.md: button_validate with skip_backorder makes a backorder for the rest
        int po = confirmedPurchase();
        int receipt = receipt(po);
        List<Map<String, Object>> moves = client.searchRead("stock.move", List.of(List.of("picking_id", "=",
                receipt)), "product_id");
        client.call("stock.move", "write", List.of(List.of(moves.get(0).get("id")), Map.of("quantity", 7)), Map.of());
        client.callWith(Map.of("skip_backorder", true), "stock.picking", "button_validate", List.of(receipt));
        assertThat(client.readOne("purchase.order", po, "receipt_status")).containsEntry("receipt_status", "partial");
        assertThat(client.searchRead("stock.picking", List.of(List.of("backorder_id", "=", receipt)), "state",
                "purchase_id")).singleElement().satisfies(b -> assertThat(b).containsEntry("state", "assigned"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void scrappingDamagedGoodsLowersStockButNotWhatTheVendorIsBilledFor() {
        // ODOO.md "Damaged goods": stock.scrap lowers stock, not qty_received; short stock answers the scrap wizard
        int po = confirmedPurchase();
        int receipt = receipt(po);
        client.call("stock.picking", "button_validate", List.of(receipt));
        int scrap = (Integer) client.call("stock.scrap", "create", Map.of("product_id", 3, "scrap_qty", 2,
                "picking_id", receipt, "origin", "P00001"));
        assertThat(client.call("stock.scrap", "action_validate", List.of(scrap))).isEqualTo(true);
        assertThat(client.readOne("stock.scrap", scrap, "state", "name", "scrap_location_id")).containsEntry("state",
                "done")
                .containsEntry("name", "SP/00001")
                .containsEntry("scrap_location_id", List.of(8, "Virtual Locations/Scrap"));
        assertThat(client.readOne("product.product", 3, "qty_available")).containsEntry("qty_available", 8.0);
        assertThat(client.searchRead("purchase.order.line", List.of(List.of("product_id", "=", 3)), "qty_received"))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("qty_received", 10.0));

        int tooMuch = (Integer) client.call("stock.scrap", "create", Map.of("product_id", 3, "scrap_qty", 20));
        Map<String, Object> warn = (Map<String, Object>) client.call("stock.scrap", "action_validate",
                List.of(tooMuch));
        assertThat(warn).containsEntry("res_model", "stock.warn.insufficient.qty.scrap")
                .containsEntry("target",
                        "new");
        Map<String, Object> context = (Map<String, Object>) warn.get("context");
        int wizard = (Integer) client.call("stock.warn.insufficient.qty.scrap", "create", List.of(Map.of()),
                Map.of("context", context));
        assertThat(client.callWith(context, "stock.warn.insufficient.qty.scrap", "action_done", List.of(wizard)))
                .isEqualTo(true);
        assertThat(client.readOne("stock.scrap", tooMuch, "state")).containsEntry("state", "done");
        assertThat(client.readOne("product.product", 3, "qty_available")).containsEntry("qty_available", -12.0);
    }

    @Test
    void noSmsWizardOnReceipts() {
        // ODOO.md: the SMS wizard never appears on receipts
        client.call("res.partner", "write", List.of(List.of(4), Map.of("phone", "+1 555 0199")), Map.of());
        int receipt = receipt(confirmedPurchase());
        assertThat(client.call("stock.picking", "button_validate", List.of(receipt))).isEqualTo(true);
    }
}

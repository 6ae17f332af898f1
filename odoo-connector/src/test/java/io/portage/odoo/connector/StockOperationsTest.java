package io.portage.odoo.connector;

import static io.portage.odoo.connector.OrderFlowTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.error.OdooConflictException;
import io.portage.odoo.connector.ops.Picking;
import io.portage.odoo.connector.ops.PurchaseOrder;
import io.portage.odoo.connector.ops.Scrap;
import io.portage.odoo.connector.ops.ScrapRequest;
import io.portage.odoo.connector.ops.WizardAnswers;
import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;

/** Deliveries, receipts, scraps and the wizards they answer, against a fresh Odoo 18 stand-in each. */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class StockOperationsTest {

    static final long DESK = 2;
    static final long LAMP = 3;
    static final long CHAIR = 1;
    static final long CABLES = 4;

    @Inject
    OdooConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    OwnStandin odoo;

    @BeforeEach
    void start() {
        odoo = new OwnStandin(OdooStandin.builder(), config, vertx, mapper);
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    private <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    /** A confirmed order for a customer with a phone (so Odoo would ask the SMS wizard); its delivery. */
    private long delivery(List<Object> lines) {
        long customer = await(odoo.client.calls()
                .create("res.partner", Map.of("name", "Phone Customer", "phone",
                        "+1 555 0100")));
        long order = await(odoo.client.calls()
                .create("sale.order", Map.of("partner_id", customer, "order_line",
                        lines)));
        await(odoo.client.calls().callOnRecords("sale.order", "action_confirm", List.of(order), Map.of()));
        return await(odoo.ops.stock().orderPickings(order)).get(0).id();
    }

    private static List<Object> line(long product, int quantity) {
        return List.of(0, 0, Map.of("product_id", product, "product_uom_qty", quantity));
    }

    @Test
    void aDeliveryShipsItsPickedMovesWithoutTheSmsWizardAndTheRestGoesToABackorder() {
        // ODOO.md "Delivery": picked moves only; skip_sms avoids confirm.stock.sms; the backorder keeps the carrier only
        long picking = delivery(List.of(line(CHAIR, 2), line(CABLES, 3)));
        Picking prepared = await(odoo.ops.stock().prepareDelivery(picking, 2L, "TRK-42"));
        assertThat(prepared.carrierTrackingRef()).isEqualTo("TRK-42");

        Picking done = await(odoo.ops.stock().validateDelivery(picking, Map.of(CHAIR, new BigDecimal("2")), true));
        assertThat(done.state()).isEqualTo("done");
        assertThat(await(odoo.ops.stock().validateDelivery(picking, Map.of(CHAIR, BigDecimal.TEN), true)))
                .isEqualTo(done);
        List<Map<String, Object>> backorders = odoo.standin.records("stock.picking")
                .stream()
                .filter(p -> List.of((int) picking, done.name()).equals(p.get("backorder_id")))
                .toList();
        assertThat(backorders).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("carrier_id", List.of(2,
                        "Express Courier")).containsEntry("carrier_tracking_ref", false));
        assertThat(odoo.standin.calls("confirm.stock.sms", "create")).isZero();
        assertThat(odoo.standin.calls("stock.backorder.confirmation", "process")).isEqualTo(1);
    }

    @Test
    void theFirstDeliveryAndItsBackorderAreFoundAndReturnsByReferenceAreMadeOnceEach() {
        long order = await(odoo.client.calls()
                .create("sale.order", Map.of("partner_id", 3, "order_line", List.of(line(
                        CHAIR, 5)))));
        await(odoo.client.calls().callOnRecords("sale.order", "action_confirm", List.of(order), Map.of()));
        Picking first = await(odoo.ops.stock().firstDelivery(order));
        assertThat(first.name()).startsWith("WH/OUT/");
        assertThat(await(odoo.ops.stock().backorderOf(first.id()))).isNull();

        await(odoo.ops.stock().validateDelivery(first.id(), Map.of(CHAIR, new BigDecimal("3")), true));
        Picking backorder = await(odoo.ops.stock().backorderOf(first.id()));
        assertThat(backorder.id()).isNotEqualTo(first.id());
        assertThat(backorder.state()).isNotEqualTo("done");
        assertThat(await(odoo.ops.stock().firstDelivery(order)).id()).as("a backorder is never the first")
                .isEqualTo(
                        first.id());

        Picking one = await(odoo.ops.refunds().returnDelivery(first.id(), Map.of(CHAIR, BigDecimal.ONE), false, "ref-1"));
        assertThat(one.state()).isEqualTo("done");
        assertThat(one.origin()).isEqualTo("ref-1");
        assertThat(await(odoo.ops.refunds().returnDelivery(first.id(), Map.of(CHAIR, BigDecimal.ONE), false, "ref-1")))
                .isEqualTo(one);
        Picking two = await(odoo.ops.refunds().returnDelivery(first.id(), Map.of(CHAIR, BigDecimal.ONE), false, "ref-2"));
        assertThat(two.id()).as("another reference is another return").isNotEqualTo(one.id());
        assertThat(odoo.standin.calls("stock.return.picking", "create")).isEqualTo(2);

        // A return made but stopped before its reference was written is taken over, not made again.
        long wizard = await(odoo.client.calls().create("stock.return.picking", Map.of("picking_id", first.id())));
        for (JsonNode line : await(odoo.client.calls()
                .searchRead("stock.return.picking.line", List.of(List.of(
                        "wizard_id", "=", wizard)), List.of("id"), 0, 0, "id"))) {
            await(odoo.client.calls()
                    .write("stock.return.picking.line", List.of(line.path("id").asLong()), Map.of(
                            "quantity", 1.0)));
        }
        await(odoo.client.calls()
                .callOnRecords("stock.return.picking", "action_create_returns", List.of(wizard),
                        Map.of()));
        Picking three = await(odoo.ops.refunds().returnDelivery(first.id(), Map.of(CHAIR, BigDecimal.ONE), false, "ref-3"));
        assertThat(three.origin()).isEqualTo("ref-3");
        assertThat(odoo.standin.calls("stock.return.picking", "create")).isEqualTo(3);
    }

    @Test
    void aShortDeliveryClosesWithoutBackorderWhenAsked() {
        // ODOO.md "Wizards": the backorder wizard is created with the action's context, then process_cancel_backorder
        long picking = delivery(List.of(line(DESK, 8)));
        Picking done = await(odoo.ops.stock().validateDelivery(picking, Map.of(DESK, new BigDecimal("5")), false));
        assertThat(done.state()).isEqualTo("done");
        assertThat(odoo.standin.records("stock.picking")).noneMatch(p -> !Boolean.FALSE.equals(p.get("backorder_id")));
        assertThat(odoo.standin.calls("stock.backorder.confirmation", "process_cancel_backorder")).isEqualTo(1);
    }

    @Test
    void aWizardTheOperationDoesNotKnowIsAnErrorNamingItNeverAGuess() {
        // ODOO.md "Delivery": confirm.stock.sms has send_sms/dont_send_sms and no process; an unknown wizard is an error
        long picking = delivery(List.of(line(CHAIR, 1)));
        JsonNode answer = await(odoo.client.calls()
                .callOnRecords("stock.picking", "button_validate", List.of(picking),
                        Map.of()));
        assertThat(WizardAnswers.isWizard(answer)).isTrue();
        Throwable failure = catchThrowable(() -> await(WizardAnswers.answer(odoo.client.once(), answer,
                WizardAnswers.backorder(true))));
        assertThat(failure).isInstanceOf(OdooConflictException.class)
                .hasMessageContaining("confirm.stock.sms")
                .hasMessageContaining("skip_sms");
        assertThat(odoo.standin.calls("confirm.stock.sms", "process")).isZero();
    }

    /** A confirmed purchase of 10 lamps from Deco Addict (vendor ref DECO-9), planned 2026-03-04 14:00 UTC. */
    private long purchase() {
        long po = await(odoo.client.calls()
                .create("purchase.order", Map.of("partner_id", 4, "partner_ref", "DECO-9",
                        "order_line", List.of(List.of(0, 0, Map.of("product_id", LAMP, "product_qty", 10, "price_unit", 12.5,
                                "date_planned", "2026-03-04 14:00:00"))))));
        await(odoo.client.calls().callOnRecords("purchase.order", "button_confirm", List.of(po), Map.of()));
        return po;
    }

    @Test
    void aShortReceiptWithoutBackorderIsFullForOdooButNotByQuantities() {
        // ODOO.md "Purchase order and receipt": receipt_status says full after a short receipt closed without backorder
        purchase();
        PurchaseOrder order = await(odoo.ops.purchases().findByName("P00001"));
        assertThat(order).isEqualTo(await(odoo.ops.purchases().findByVendorRef(4, "DECO-9")));
        assertThat(order.confirmed()).isTrue();
        assertThat(order.datePlanned()).isEqualTo(java.time.Instant.parse("2026-03-04T14:00:00Z"));
        assertThat(order.receiptStatus()).isEqualTo("pending");

        Picking receipt = await(odoo.ops.stock()
                .validateReceipt(order.pickingIds().get(0), Map.of(LAMP,
                        new BigDecimal("7")), false));
        assertThat(receipt.state()).isEqualTo("done");
        PurchaseOrder received = await(odoo.ops.purchases().findByName("P00001"));
        assertThat(received.receiptStatus()).isEqualTo("full");
        assertThat(received.fullyReceived()).isFalse();
        assertThat(received.lines()).singleElement()
                .satisfies(line -> assertThat(line.outstanding())
                        .isEqualByComparingTo("3"));
        assertThat(await(odoo.ops.purchases().findByName("P99999"))).isNull();
    }

    @Test
    void aShortReceiptWithBackorderLeavesTheRestToCome() {
        // ODOO.md: process makes a backorder picking for the rest
        long po = purchase();
        PurchaseOrder order = await(odoo.ops.purchases().findByName("P00001"));
        await(odoo.ops.stock().validateReceipt(order.pickingIds().get(0), Map.of(LAMP, new BigDecimal("7")), true));
        PurchaseOrder after = await(odoo.ops.purchases().findByName("P00001"));
        assertThat(after.id()).isEqualTo(po);
        assertThat(after.receiptStatus()).isEqualTo("partial");
        assertThat(after.pickingIds()).hasSize(2);
    }

    @Test
    void damagedGoodsAreScrappedOnceAndAShortLocationIsAnsweredWithActionDone() {
        // ODOO.md "Damaged goods": scrap + action_validate; short stock answers stock.warn.insufficient.qty.scrap
        PurchaseOrder order = await(odoo.ops.purchases().findByName(odooName(purchase())));
        await(odoo.ops.stock().validateReceipt(order.pickingIds().get(0), null, false));
        ScrapRequest damaged = new ScrapRequest(LAMP, new BigDecimal("2"), order.pickingIds().get(0), "DMG-1");
        Scrap scrap = await(odoo.ops.stock().scrap(damaged));
        assertThat(scrap.done()).isTrue();
        assertThat(await(odoo.ops.stock().scrap(damaged))).isEqualTo(scrap);
        assertThat(odoo.standin.records("stock.scrap")).hasSize(1);

        Scrap tooMany = await(odoo.ops.stock().scrap(new ScrapRequest(LAMP, new BigDecimal("50"), null, "DMG-2")));
        assertThat(tooMany.done()).isTrue();
        assertThat(odoo.standin.calls("stock.warn.insufficient.qty.scrap", "action_done")).isEqualTo(1);
        assertThat(await(odoo.ops.purchases().findByName("P00001")).lines().get(0).received())
                .isEqualByComparingTo("10");
    }

    private String odooName(long po) {
        return await(odoo.client.calls().read("purchase.order", List.of(po), List.of("name"))).get(0)
                .path("name")
                .asText();
    }
}

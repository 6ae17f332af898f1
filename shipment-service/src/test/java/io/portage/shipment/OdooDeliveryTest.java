package io.portage.shipment;

import static io.portage.shipment.OrderEventsConsumerTest.awaitShipment;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipments;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.contracts.EventCatalog;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.OrderLine;
import io.portage.odoo.connector.ops.OrderRequest;
import io.portage.odoo.connector.ops.OrderResult;
import io.portage.odoo.connector.ops.Picking;
import io.portage.odoo.standin.Fault;
import io.portage.shipment.carriers.CarrierStandins;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The Odoo side of shipments against the Odoo stand-in: the label's tracking reference on the order's delivery, the
 * delivery validated once however often the dispatch is asked and when the service dies between Odoo's answer and
 * its commit, a short dispatch leaving a backorder that the order's next shipment ships, a resellable return made once
 * from the delivery, and Odoo away retried then handed to a person.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
@QuarkusTestResource(OdooStandinResource.class)
class OdooDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final long CHAIR = 1;
    static final long LAMP = 3;
    static final long AZURE = 3;

    @Inject
    OdooOperations operations;

    @Inject
    OdooClient odoo;

    @Inject
    Pool database;

    @BeforeEach
    void operator() {
        TestTokens.actAsOperator("test-operator");
        CarrierStandins.reset();
    }

    /** A confirmed sale order of 4 chairs and 2 lamps in Odoo, under {@code clientOrderRef}. */
    OrderResult saleOrder(String clientOrderRef) {
        return operations.createAndConfirmOrder(new OrderRequest(clientOrderRef, AZURE, List.of(
                new OrderLine(CHAIR, new BigDecimal("4"), null), new OrderLine(LAMP, new BigDecimal("2"), null))))
                .await()
                .atMost(WAIT);
    }

    /** The order's release as order-service publishes it: with its sale order, or (erp null) without. */
    static OrderStream release(String externalId, OrderResult sale, boolean withErp) {
        OrderStream order = OrderStream.random();
        String erp = withErp
                ? ",\"erp\":{\"erpRef\":\"sale.order/" + sale.id() + "\",\"name\":\"" + sale.name() + "\",\"pickingIds\":"
                        + sale.pickingIds() + "}"
                : "";
        String json = """
                {"orderId":"%s","channel":"northwind-shop","externalId":"%s","partnerId":"northwind","warehouse":"WH1",
                 "shipTo":{"name":"Ada Lovelace","address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
                 "lines":[{"lineNumber":1,"sku":"PT-CHAIR-01","quantity":4},{"lineNumber":2,"sku":"PT-LAMP-01","quantity":2}]%s,
                 "releasedAt":"2026-11-23T09:00:00Z"}"""
                .formatted(order.orderId(), externalId, erp);
        OrderStream.produce(order.received(), order.accepted(), order.record(EventCatalog.ORDER_RELEASED_V2.type(), 3,
                json));
        return order;
    }

    Picking delivery(OrderResult sale) {
        return operations.stock().firstDelivery(sale.id()).await().atMost(WAIT);
    }

    static int validations() {
        return OdooStandinResource.standin().calls("stock.picking", "button_validate");
    }

    static String label(String id) {
        return given().contentType(ContentType.JSON)
                .body(LabelTest.TWO_PARCELS)
                .post("/api/v1/shipments/" + id + "/label")
                .then()
                .statusCode(201)
                .extract()
                .path("shipment.label.trackingNumber");
    }

    static int dispatch(String id, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments/" + id + "/dispatch").statusCode();
    }

    @Test
    void theLabelGoesOnTheDeliveryAndATripleDispatchValidatesItOnce() throws Exception {
        String ref = "northwind-shop:NW-" + UUID.randomUUID();
        OrderResult sale = saleOrder(ref);
        String id = awaitShipment(release(ref.substring(ref.indexOf(':') + 1), sale, true).orderId());

        String tracking = label(id);
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(sale).carrierTrackingRef()).isEqualTo(tracking));

        int before = validations();
        // Odoo commits the first validation but its answer is lost: the connector reads the state before repeating.
        OdooStandinResource.standin().faults().failNext("stock.picking", "button_validate", 1, Fault.TIMEOUT_AFTER_COMMIT);
        List<CompletableFuture<Integer>> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(CompletableFuture.supplyAsync(() -> dispatch(id, Map.of())));
        }
        List<Integer> answers = new ArrayList<>();
        for (CompletableFuture<Integer> answer : three) {
            answers.add(answer.get());
        }
        assertThat(answers).containsOnly(200, 409).filteredOn(status -> status == 200).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(sale).state()).isEqualTo("done"));
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(validations())
                        .isEqualTo(before + 1));
        assertThat(operations.stock().backorderOf(delivery(sale).id()).await().atMost(WAIT)).isNull();
        handOvers(id).body("find { it.kind == 'DISPATCH' }.status", equalTo("DONE"))
                .body("find { it.kind == 'DISPATCH' }.result", equalTo(delivery(sale).name() + " done"));
    }

    @Test
    void aServiceThatDiesAfterOdooValidatedButBeforeItsCommitValidatesOnce() {
        String ref = "northwind-shop:NW-" + UUID.randomUUID();
        OrderResult sale = saleOrder(ref);
        String id = awaitShipment(release(ref.substring(ref.indexOf(':') + 1), sale, true).orderId());
        label(id);
        // The first commit of this shipment's validation as done fails, as if the service died right after Odoo's answer.
        String suffix = id.replace("-", "");
        database.query("create sequence shipments.crash_" + suffix).execute().await().atMost(WAIT);
        database.query("""
                create function shipments.crash_%1$s() returns trigger language plpgsql as $$
                begin
                  if new.status = 'DONE' and new.kind = 'DISPATCH' and nextval('shipments.crash_%1$s') = 1 then
                    raise exception 'simulated crash between Odoo''s answer and the commit';
                  end if;
                  return new;
                end $$""".formatted(suffix)).execute().await().atMost(WAIT);
        database.query("create trigger crash_" + suffix + " before update on shipments.odoo_hand_over for each row "
                + "when (new.shipment_id = '" + id + "') execute function shipments.crash_" + suffix + "()")
                .execute()
                .await()
                .atMost(WAIT);
        try {
            int before = validations();
            assertThat(dispatch(id, Map.of())).isEqualTo(200);
            await().atMost(WAIT)
                    .untilAsserted(() -> handOvers(id).body("find { it.kind == 'DISPATCH' }.status",
                            equalTo("DONE")));
            handOvers(id).body("find { it.kind == 'DISPATCH' }.attempts", equalTo(1))
                    .body("find { it.kind == 'DISPATCH' }.lastError", equalTo(null));
            assertThat(delivery(sale).state()).isEqualTo("done");
            assertThat(validations()).as("Odoo validated the delivery once").isEqualTo(before + 1);
        } finally {
            database.query("drop trigger crash_" + suffix + " on shipments.odoo_hand_over").execute().await().atMost(WAIT);
        }
    }

    @Test
    void aShortDispatchLeavesABackorderThatTheOrdersNextShipmentShips() {
        String ref = "northwind-shop:NW-" + UUID.randomUUID();
        OrderResult sale = saleOrder(ref);
        OrderStream order = release(ref.substring(ref.indexOf(':') + 1), sale, true);
        String first = awaitShipment(order.orderId());
        label(first);
        assertThat(dispatch(first, Map.of("lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 3))))).isEqualTo(200);
        awaitShipments(order.orderId(), 2);
        String second = given().queryParam("orderId", order.orderId())
                .get("/api/v1/shipments")
                .then()
                .extract()
                .path("find { it.id != '" + first + "' }.id");
        given().get("/api/v1/shipments/" + second)
                .then()
                .body("status", equalTo("PLANNED"))
                .body("lines.sku", org.hamcrest.Matchers.contains("PT-CHAIR-01", "PT-LAMP-01"))
                .body("lines.quantity", org.hamcrest.Matchers.contains(1, 2));

        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(sale).state()).isEqualTo("done"));
        Picking backorder = operations.stock().backorderOf(delivery(sale).id()).await().atMost(WAIT);
        assertThat(backorder).as("Odoo's backorder of the rest").isNotNull();
        assertThat(moves(delivery(sale).moveIds())).containsEntry(CHAIR, 3.0).doesNotContainKey(LAMP);

        String tracking = label(second);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(operations.stock()
                        .backorderOf(delivery(sale).id())
                        .await()
                        .atMost(WAIT)
                        .carrierTrackingRef()).isEqualTo(tracking));
        assertThat(dispatch(second, Map.of())).isEqualTo(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(operations.stock()
                        .backorderOf(delivery(sale).id())
                        .await()
                        .atMost(WAIT)
                        .state()).isEqualTo("done"));
        given().get("/api/v1/shipments/" + second).then().body("odoo.pickingName", equalTo(backorder.name()));
        // Nothing was left: no backorder of the backorder.
        assertThat(operations.stock().backorderOf(backorder.id()).await().atMost(WAIT)).isNull();
    }

    @Test
    void aResellableReturnGoesBackIntoOdooOnceFromTheDelivery() {
        // Released without its sale order: found in Odoo by client_order_ref.
        String externalId = "NW-" + UUID.randomUUID();
        OrderResult sale = saleOrder("northwind-shop:" + externalId);
        String id = awaitShipment(release(externalId, sale, false).orderId());
        label(id);
        assertThat(dispatch(id, Map.of())).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(sale).state()).isEqualTo("done"));

        String returnId = given().contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "DAMAGED", "lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 3))))
                .post("/api/v1/shipments/" + id + "/returns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("site", "WH1", "lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 2, "condition",
                        "RESELLABLE"), Map.of("sku", "PT-CHAIR-01", "quantity", 1, "condition", "DAMAGED"))))
                .post("/api/v1/shipments/" + id + "/returns/" + returnId + "/receipt")
                .then()
                .statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> assertThat(returns(delivery(sale))).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> handOvers(id).body("find { it.kind == 'RETURN' }.status", equalTo("DONE")));
        JsonNode returned = returns(delivery(sale)).get(0);
        assertThat(returned.path("state").asText()).isEqualTo("done");
        assertThat(returned.path("origin").asText()).isEqualTo("portage:return:" + returnId);
        assertThat(moves(ids(returned.path("move_ids")))).containsEntry(CHAIR, 2.0);
    }

    @Test
    void odooAwayIsRetriedWithBackoffThenHandedToAPersonWhoseRetryWritesIt() {
        String ref = "northwind-shop:NW-" + UUID.randomUUID();
        OrderResult sale = saleOrder(ref);
        String id = awaitShipment(release(ref.substring(ref.indexOf(':') + 1), sale, true).orderId());
        OdooStandinResource.standin().faults().failNext(1000, Fault.UNAVAILABLE_503);
        String tracking;
        try {
            tracking = label(id);
            String item = await().atMost(WAIT)
                    .until(() -> given().queryParam("type", "shipment.odoo-hand-over")
                            .get("/ops/exceptions")
                            .then()
                            .extract()
                            .<List<Map<String, Object>>>path("findAll { it.summary.contains('" + id + "') }"),
                            found -> !found.isEmpty())
                    .get(0)
                    .get("id")
                    .toString();
            handOvers(id).body("find { it.kind == 'TRACKING' }.status", equalTo("FAILED"))
                    .body("find { it.kind == 'TRACKING' }.attempts", equalTo(4));
            OdooStandinResource.standin().faults().clear();
            given().contentType(ContentType.JSON)
                    .body(Map.of())
                    .post("/ops/exceptions/" + item + "/retry")
                    .then()
                    .statusCode(200);
        } finally {
            OdooStandinResource.standin().faults().clear();
        }
        await().atMost(WAIT)
                .untilAsserted(() -> handOvers(id).body("find { it.kind == 'TRACKING' }.status",
                        equalTo("DONE")));
        assertThat(delivery(sale).carrierTrackingRef()).isEqualTo(tracking);
    }

    static io.restassured.response.ValidatableResponse handOvers(String id) {
        return given().get("/ops/shipments/" + id + "/odoo").then().statusCode(200);
    }

    /** Quantity per product of a picking's moves. */
    Map<Long, Double> moves(List<Long> moveIds) {
        Map<Long, Double> byProduct = new java.util.HashMap<>();
        for (JsonNode move : odoo.calls()
                .read("stock.move", moveIds, List.of("product_id", "quantity", "picked"))
                .await()
                .atMost(WAIT)) {
            if (move.path("quantity").asDouble() > 0) {
                byProduct.merge(move.path("product_id").path(0).asLong(), move.path("quantity").asDouble(), Double::sum);
            }
        }
        return byProduct;
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    List<JsonNode> returns(Picking delivery) {
        return odoo.calls()
                .searchRead("stock.picking", List.of(List.of("return_id", "=", delivery.id())), List.of("id",
                        "state", "origin", "move_ids"), 0, 0, "id")
                .await()
                .atMost(WAIT);
    }
}

package io.portage.shipment;

import static io.portage.shipment.LabelTest.TWO_PARCELS;
import static io.portage.shipment.LabelTest.post;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipment;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipments;
import static io.portage.shipment.OrderEventsConsumerTest.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.shipment.carriers.CarrierStandins;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** An order shipped in parts: a short dispatch plans the rest, the release again plans nothing, a cancellation takes the rest. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
class SplitShipmentTest {

    @BeforeEach
    void operator() {
        TestTokens.actAsOperator("test-operator");
        CarrierStandins.reset();
    }

    @Test
    void aShortDispatchPlansTheRestWhichTheReleaseAgainLeavesAloneAndACancellationTakes() {
        OrderStream order = OrderStream.random().releasedInOrder();
        String first = awaitShipment(order.orderId());
        post("/api/v1/shipments/" + first + "/label", TWO_PARCELS).statusCode(201);
        String dispatch = "/api/v1/shipments/" + first + "/dispatch";
        post(dispatch, Map.of("lines", List.of(Map.of("sku", "SKU-LAMP-99", "quantity", 1)))).statusCode(422)
                .body("violations[0].field", equalTo("lines"));
        post(dispatch, Map.of("lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 3)))).statusCode(422);
        post(dispatch, Map.of("lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 0)))).statusCode(400);
        given().get("/api/v1/shipments/" + first).then().body("status", equalTo("LABELLED"));

        post(dispatch, Map.of("lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 1)))).statusCode(200)
                .body("shippedLines.sku", contains("SKU-CHAIR-01"));
        awaitShipments(order.orderId(), 2);
        String rest = given().queryParam("orderId", order.orderId())
                .get("/api/v1/shipments")
                .then()
                .extract()
                .path("find { it.id != '" + first + "' }.id");
        given().get("/api/v1/shipments/" + rest)
                .then()
                .body("status", equalTo("PLANNED"))
                .body("splitSeq", equalTo(1))
                .body("lines.sku", contains("SKU-CHAIR-01", "SKU-DESK-07"))
                .body("lines.quantity", contains(1, 1.5f));
        OrderEventsConsumerTest.awaitShipmentEvent(rest, EventCatalog.SHIPMENT_CREATED_V1);

        // The release again (another event id): the order's shipments stay as they are.
        OrderStream.produce(order.record(EventCatalog.ORDER_RELEASED_V2.type(), 3, OrderStream.releasedJson(
                order.orderId())));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> awaitShipments(order
                        .orderId(), 2));

        OrderStream.produce(order.cancelled(4));
        awaitStatus(rest, "CANCELLED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("type",
                        "shipment.cancelled-after-dispatch").get("/ops/exceptions").then().body("businessKey", hasItem(first)));
        given().get("/api/v1/shipments/" + first).then().body("status", equalTo("DISPATCHED"));
    }
}

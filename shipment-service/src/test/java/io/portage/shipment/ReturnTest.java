package io.portage.shipment;

import static io.portage.shipment.LabelTest.TWO_PARCELS;
import static io.portage.shipment.LabelTest.plannedShipment;
import static io.portage.shipment.LabelTest.post;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipmentEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.shipment.carriers.CarrierStandins;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A return opened for a dispatched shipment and received with its condition, each published; what does not fit refused. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
class ReturnTest {

    @BeforeEach
    void operatorAndPromptCarriers() {
        TestTokens.actAsOperator("cs.bob");
        CarrierStandins.reset();
    }

    @Test
    void aReturnLabelIsBoughtOnceFromTheShipmentsCarrierAndNeverAfterTheGoodsArrived() {
        String id = plannedShipment();
        TrackingTest.dispatched(id, TWO_PARCELS);
        var chair = Map.of("reasonCode", "WRONG_ITEM", "lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 1)));
        String returnId = post("/api/v1/shipments/" + id + "/returns", chair).statusCode(201).extract().path("id");
        var parcel = Map.of("parcels", List.of(Map.of("weightKg", 12, "lengthCm", 60, "widthCm", 40, "heightCm", 40)));
        CarrierStandins.reset();

        post("/api/v1/shipments/" + id + "/returns/" + returnId + "/label", parcel).statusCode(201)
                .body("label.carrier", equalTo("parcelco"))
                .body("label.trackingNumber", org.hamcrest.Matchers.startsWith("PARCELCO1Z"))
                .body("label.labelUrl", org.hamcrest.Matchers.endsWith(".png"))
                .body("label.amount", org.hamcrest.Matchers.notNullValue());
        assertThat(CarrierStandins.parcelco.returnsOnly()).as("asked as a return (is_return)").isTrue();
        assertThat(CarrierStandins.parcelco.calls("POST /v2/orders/")).as("one purchase").isEqualTo(1);
        post("/api/v1/shipments/" + id + "/returns/" + returnId + "/label", parcel).statusCode(422)
                .body("violations[0].field", equalTo("returnId"));
        var generated = awaitShipmentEvent(id, EventCatalog.RETURN_LABEL_GENERATED_V1);
        assertThat(generated.value()).contains("\"returnId\":\"" + returnId + "\"")
                .contains("\"carrier\":\"parcelco\"")
                .contains("\"trackingNumber\":\"PARCELCO1Z")
                .contains("\"labelFormat\":\"PNG\"")
                .contains("\"currency\":");
        given().when().get("/api/v1/shipments/" + id + "/returns").then().body("[0].label.carrier", equalTo("parcelco"));

        String another = post("/api/v1/shipments/" + id + "/returns", chair).statusCode(201).extract().path("id");
        post("/api/v1/shipments/" + id + "/returns/" + another + "/receipt", Map.of("site", "WH1", "lines", List.of(Map
                .of("sku", "SKU-CHAIR-01", "quantity", 1, "condition", "RESELLABLE")))).statusCode(200);
        post("/api/v1/shipments/" + id + "/returns/" + another + "/label", parcel).statusCode(422);
        post("/api/v1/shipments/" + id + "/returns/" + UUID.randomUUID() + "/label", parcel).statusCode(404);
        given().auth()
                .oauth2(TestTokens.partner("acme", "shipments:read shipments:write").sign())
                .contentType("application/json")
                .body(parcel)
                .post("/api/v1/shipments/" + id + "/returns/" + returnId + "/label")
                .then()
                .statusCode(404);
    }

    @Test
    void aReturnLabelAskedForFourTimesAtOnceIsKeptAndPublishedOnceAndTheOthersVoided() throws Exception {
        String id = plannedShipment();
        TrackingTest.dispatched(id, TWO_PARCELS);
        var chair = Map.of("reasonCode", "WRONG_ITEM", "lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 1)));
        String returnId = post("/api/v1/shipments/" + id + "/returns", chair).statusCode(201).extract().path("id");
        var parcel = Map.of("parcels", List.of(Map.of("weightKg", 12, "lengthCm", 60, "widthCm", 40, "heightCm", 40)));
        CarrierStandins.reset();
        CarrierStandins.parcelco.slowBuy(400);

        List<Integer> statuses;
        try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(() -> post("/api/v1/shipments/" + id + "/returns/" + returnId + "/label", parcel)
                        .extract()
                        .statusCode()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(statuses).as("one kept, the others refused").containsOnly(201, 422).containsOnlyOnce(201);
        int bought = CarrierStandins.parcelco.calls("POST /v2/orders/");
        assertThat(CarrierStandins.parcelco.calls("POST /v2/shipments/")).as("every label not kept refunded")
                .isEqualTo(bought - 1);
        String kept = given().when()
                .get("/api/v1/shipments/" + id + "/returns")
                .then()
                .extract()
                .path("[0].label.trackingNumber");
        var published = TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(3),
                r -> id.equals(r.key())
                        && EventCatalog.RETURN_LABEL_GENERATED_V1.type().equals(TestKafka.header(r, "ce_type")));
        assertThat(published).as("published once, the label kept")
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"trackingNumber\":\"" + kept + "\""));
    }

    @Test
    void aReturnIsOpenedForADispatchedShipmentAndReceivedOnceWithItsCondition() {
        String id = plannedShipment();
        var chair = Map.of("reasonCode", "DAMAGED", "lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 1)));
        post("/api/v1/shipments/" + id + "/returns", chair).statusCode(409).contentType("application/problem+json");
        TrackingTest.dispatched(id, TWO_PARCELS);

        String returnId = post("/api/v1/shipments/" + id + "/returns", chair).statusCode(201)
                .body("status", equalTo("INITIATED"))
                .body("initiatedBy", equalTo("cs.bob"))
                .body("lines[0].sku", equalTo("SKU-CHAIR-01"))
                .extract()
                .path("id");
        var initiated = awaitShipmentEvent(id, EventCatalog.RETURN_INITIATED_V1);
        assertThat(initiated.value()).contains("\"returnId\":\"" + returnId + "\"").contains("\"reasonCode\":\"DAMAGED\"");

        String receipt = "/api/v1/shipments/" + id + "/returns/" + returnId + "/receipt";
        post(receipt, Map.of("site", "WH1", "lines", List.of(Map.of("sku", "SKU-DESK-07", "quantity", 1, "condition",
                "RESELLABLE")))).statusCode(422).body("violations[0].field", equalTo("lines"));
        post(receipt, Map.of("site", "WH1", "lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 2, "condition",
                "RESELLABLE")))).statusCode(422);
        post(receipt, Map.of("site", "wh 1", "lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 1, "condition",
                "DAMAGED")))).statusCode(400).body("violations[0].field", equalTo("site"));
        post(receipt, Map.of("site", "WH1", "lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 1, "condition",
                "DAMAGED")))).statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("received[0].condition", equalTo("DAMAGED"));
        post(receipt, Map.of("site", "WH1", "lines", List.of(Map.of("sku", "SKU-CHAIR-01", "quantity", 1, "condition",
                "DAMAGED")))).statusCode(422);

        var received = awaitShipmentEvent(id, EventCatalog.RETURN_RECEIVED_V1);
        assertThat(received.value()).contains("\"site\":\"WH1\"").contains("\"condition\":\"DAMAGED\"");
        given().when().get("/api/v1/shipments/" + id + "/returns").then().statusCode(200).body("$", hasSize(1));
        given().auth()
                .oauth2(TestTokens.partner("acme", "shipments:read shipments:write").sign())
                .when()
                .get("/api/v1/shipments/" + id + "/returns")
                .then()
                .statusCode(404);
    }
}

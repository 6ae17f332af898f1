package io.portage.shipment;

import static io.portage.shipment.OrderEventsConsumerTest.awaitShipment;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipmentEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Rates across three carrier stand-ins (two parcel APIs, one freight carrier), labels bought with fallback to the
 * next carrier, voided and dispatched, each fact on {@code portage.shipments}.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
class LabelTest {

    /** Two parcels, 21.5 kg in all: every carrier takes them (freight from 20 kg). */
    static final Map<String, Object> TWO_PARCELS = Map.of("parcels", List.of(
            Map.of("weightKg", 12, "lengthCm", 60, "widthCm", 40, "heightCm", 40),
            Map.of("weightKg", 9.5, "lengthCm", 50, "widthCm", 40, "heightCm", 30)));

    @BeforeEach
    void operatorAndPromptCarriers() {
        TestTokens.actAsOperator("test-operator");
        CarrierStandins.reset();
    }

    static String plannedShipment() {
        return awaitShipment(OrderStream.random().releasedInOrder().orderId());
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then().log().ifValidationFails();
    }

    @Test
    void ratesAreRankedByPriceAcrossCarriersAndFollowTheRules() {
        String id = plannedShipment();

        post("/api/v1/shipments/" + id + "/rates", TWO_PARCELS).statusCode(200)
                .body("rates.carrier", contains("parcelco", "swiftpost", "parcelco", "swiftpost", "freightline"))
                .body("rates.service", contains("Ground", "Ground", "Express", "Express", "LTL Standard"))
                .body("rates.amount", contains(14.75f, 16.75f, 29.5f, 33.5f, 53.6f))
                .body("rates.promisedDays", contains(3, 3, 1, 1, 3))
                .body("carrierErrors", empty());
        post("/api/v1/shipments/" + id + "/rates", Map.of("parcels", TWO_PARCELS.get("parcels"), "serviceLevel", "EXPRESS"))
                .statusCode(200)
                .body("rates.service", everyItem(equalTo("Express")))
                .body("rates.carrier", contains("parcelco", "swiftpost"));
        post("/api/v1/shipments/" + id + "/rates",
                Map.of("parcels", List.of(Map.of("weightKg", 35, "lengthCm", 120, "widthCm", 80, "heightCm", 80))))
                .statusCode(200)
                .body("rates.carrier", contains("freightline"))
                .body("carrierErrors.carrier", contains("parcelco", "swiftpost"))
                .body("carrierErrors.kind", everyItem(equalTo("SKIPPED")));
    }

    @Test
    void aThrottledOrFailingCarrierIsAskedAgainAfterItsRetryAfter() {
        String id = plannedShipment();
        CarrierStandins.parcelco.throttle(1, 1);
        CarrierStandins.swiftpost.fail(1);

        long started = System.nanoTime();
        post("/api/v1/shipments/" + id + "/rates", TWO_PARCELS).statusCode(200)
                .body("rates.carrier", contains("parcelco", "swiftpost", "parcelco", "swiftpost", "freightline"))
                .body("carrierErrors", empty());
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited the second Retry-After asked for")
                .isGreaterThanOrEqualTo(1000);
        assertThat(CarrierStandins.parcelco.calls("POST /v2/orders")).isEqualTo(2);
        assertThat(CarrierStandins.swiftpost.calls("POST /v2/orders")).isEqualTo(2);
    }

    @Test
    void whenTheFirstCarrierTimesOutTheLabelComesFromTheSecond() {
        String id = plannedShipment();
        CarrierStandins.parcelco.slowBuy(2500);

        post("/api/v1/shipments/" + id + "/label", TWO_PARCELS).statusCode(201)
                .body("shipment.status", equalTo("LABELLED"))
                .body("shipment.label.carrier", equalTo("swiftpost"))
                .body("shipment.label.trackingNumber", startsWith("SWIFTPOST1Z"))
                .body("shipment.label.amount", equalTo(16.75f))
                .body("shipment.label.parcels", hasSize(2))
                .body("triedFirst[0].carrier", equalTo("parcelco"))
                .body("triedFirst[0].code", equalTo("timeout"));
        assertThat(CarrierStandins.parcelco.calls("POST /v2/orders/")).as("a purchase is not sent twice").isEqualTo(1);

        var labelled = awaitShipmentEvent(id, EventCatalog.LABEL_GENERATED_V2);
        assertThat(labelled.value()).contains("\"carrier\":\"swiftpost\"")
                .contains("\"cost\":{\"amount\":\"16.75\",\"currency\":\"EUR\"}")
                .contains("\"parcels\":2");
    }

    @Test
    void aRefusalIsKeptWithTheCarriersOwnCodeAndTheNextCarrierSells() {
        String id = plannedShipment();
        CarrierStandins.parcelco.refuseBuy("SHIPMENT.POSTAGE.FAILURE");

        post("/api/v1/shipments/" + id + "/label", TWO_PARCELS).statusCode(201)
                .body("shipment.label.carrier", equalTo("swiftpost"))
                .body("triedFirst[0].kind", equalTo("REFUSED"))
                .body("triedFirst[0].code", equalTo("SHIPMENT.POSTAGE.FAILURE"))
                .body("triedFirst[0].message", equalTo("The carrier refused the shipment"));
    }

    @Test
    void whenNoCarrierSellsTheProblemNamesEachCarriersAnswer() {
        String id = plannedShipment();
        CarrierStandins.parcelco.refuseBuy("SHIPMENT.POSTAGE.FAILURE");
        CarrierStandins.swiftpost.refuseBuy("ADDRESS.VERIFY.FAILURE");
        CarrierStandins.freightline.refuseCountry("NL");

        post("/api/v1/shipments/" + id + "/label", TWO_PARCELS).statusCode(502)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("carriers.freightline"))
                .body("violations.message", hasItem("REFUSED E102: Destination not served: NL"))
                .body("violations.message", hasItem("REFUSED SHIPMENT.POSTAGE.FAILURE: The carrier refused the shipment"))
                .body("violations.message", hasItem("REFUSED ADDRESS.VERIFY.FAILURE: The carrier refused the shipment"));
        given().when().get("/api/v1/shipments/" + id).then().body("status", equalTo("PLANNED")).body("label", nullValue());
    }

    @Test
    void aHeavyShipmentGoesByFreightAndItsLabelIsVoided() {
        String id = plannedShipment();
        var pallet = Map.of("parcels", List.of(Map.of("weightKg", 240, "lengthCm", 120, "widthCm", 80, "heightCm", 150),
                Map.of("weightKg", 180, "lengthCm", 120, "widthCm", 80, "heightCm", 110)));

        post("/api/v1/shipments/" + id + "/label", pallet).statusCode(201)
                .body("shipment.label.carrier", equalTo("freightline"))
                .body("shipment.label.trackingNumber", startsWith("FL"))
                .body("shipment.label.format", equalTo("PDF"))
                .body("shipment.label.amount", equalTo(213.0f));
        post("/api/v1/shipments/" + id + "/label/void", Map.of()).statusCode(200)
                .body("status", equalTo("PLANNED"))
                .body("label", nullValue());
        post("/api/v1/shipments/" + id + "/label/void", Map.of()).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aParcelLabelIsVoidedParcelByParcel() {
        String id = plannedShipment();
        post("/api/v1/shipments/" + id + "/label", TWO_PARCELS).statusCode(201)
                .body("shipment.label.carrier", equalTo("parcelco"));

        post("/api/v1/shipments/" + id + "/label/void", Map.of()).statusCode(200).body("status", equalTo("PLANNED"));
        assertThat(CarrierStandins.parcelco.calls("POST /v2/shipments/")).as("one refund per parcel").isEqualTo(2);
    }

    @Test
    void aDispatchedShipmentIsNotCancelledSilently() {
        OrderStream order = OrderStream.random().releasedInOrder();
        String id = awaitShipment(order.orderId());
        post("/api/v1/shipments/" + id + "/dispatch", Map.of()).statusCode(409);
        post("/api/v1/shipments/" + id + "/label", TWO_PARCELS).statusCode(201);
        post("/api/v1/shipments/" + id + "/dispatch", Map.of()).statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("dispatchedAt", org.hamcrest.Matchers.notNullValue());
        var dispatched = awaitShipmentEvent(id, EventCatalog.SHIPMENT_DISPATCHED_V1);
        assertThat(dispatched.value()).contains("\"carrier\":\"parcelco\"").contains("\"parcels\":2");

        OrderStream.produce(order.cancelled(4));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("type", "shipment.cancelled-after-dispatch")
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .statusCode(200)
                        .body("businessKey", hasItem(id)));
        given().when().get("/api/v1/shipments/" + id).then().body("status", equalTo("DISPATCHED"));
    }

    @Test
    void aLabelledShipmentCancelledWithItsOrderHasItsLabelVoidedOnTheItemsRetry() {
        OrderStream order = OrderStream.random().releasedInOrder();
        String id = awaitShipment(order.orderId());
        post("/api/v1/shipments/" + id + "/label", TWO_PARCELS).statusCode(201)
                .body("shipment.label.carrier", equalTo("parcelco"));

        OrderStream.produce(order.cancelled(4));
        OrderEventsConsumerTest.awaitStatus(id, "CANCELLED");
        String item = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> given().queryParam("type", "shipment.label-to-void")
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .extract()
                        .<List<Map<String, Object>>>path("findAll { it.businessKey == '" + id + "' }"),
                        found -> !found.isEmpty())
                .get(0)
                .get("id")
                .toString();
        assertThat(CarrierStandins.parcelco.calls("POST /v2/shipments/")).as("nothing voided inside the consumer").isZero();

        post("/ops/exceptions/" + item + "/retry", Map.of()).statusCode(200).body("status", equalTo("RETRIED"));
        assertThat(CarrierStandins.parcelco.calls("POST /v2/shipments/")).as("one refund per parcel").isEqualTo(2);
        given().when().get("/api/v1/shipments/" + id).then().body("status", equalTo("CANCELLED")).body("label", nullValue());
    }

    @Test
    void aPartnerNeedsTheWriteScopeAndSeesOnlyItsOwn() {
        String id = plannedShipment();
        given().auth()
                .oauth2(TestTokens.partner("northwind", "shipments:read").sign())
                .contentType(ContentType.JSON)
                .body(TWO_PARCELS)
                .when()
                .post("/api/v1/shipments/" + id + "/rates")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.partner("acme", "shipments:write").sign())
                .contentType(ContentType.JSON)
                .body(TWO_PARCELS)
                .when()
                .post("/api/v1/shipments/" + id + "/label")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "shipments:write").sign())
                .contentType(ContentType.JSON)
                .body(TWO_PARCELS)
                .when()
                .post("/api/v1/shipments/" + id + "/rates")
                .then()
                .statusCode(200);
        post("/api/v1/shipments/" + id + "/label", Map.of("parcels", List.of(Map.of("weightKg", -1, "lengthCm", 1,
                "widthCm", 1, "heightCm", 1)))).statusCode(400).body("violations[0].field", startsWith("parcels"));
    }
}

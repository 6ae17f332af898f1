package io.portage.shipment;

import static io.portage.shipment.LabelTest.TWO_PARCELS;
import static io.portage.shipment.LabelTest.plannedShipment;
import static io.portage.shipment.LabelTest.post;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipmentEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.shipment.carriers.CarrierStandins;
import io.portage.shipment.client.ParcelApiWebhooks;
import io.portage.shipment.service.TrackingService;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Tracking from the carrier stand-ins: signed webhooks (a bad signature refused), polling that catches a missed
 * webhook and tracks the freight carrier that has none, late and duplicate scans, a number reused a year later.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
class TrackingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TrackingService tracking;

    @BeforeEach
    void operatorAndPromptCarriers() {
        TestTokens.actAsOperator("test-operator");
        CarrierStandins.reset();
    }

    /** A planned shipment labelled with {@code parcels} (the cheapest carrier that takes them) and dispatched: its tracking number. */
    static String dispatched(String id, Object parcels) {
        String number = post("/api/v1/shipments/" + id + "/label", parcels).statusCode(201)
                .extract()
                .path("shipment.label.trackingNumber");
        post("/api/v1/shipments/" + id + "/dispatch", Map.of()).statusCode(200);
        return number;
    }

    static Map<String, String> detail(String status, String at) {
        return Map.of("status", status, "message", "Parcel " + status.replace('_', ' '), "datetime", at, "city", "Utrecht",
                "country", "NL");
    }

    static String trackerUpdated(String trackingCode, List<Map<String, String>> details, String signedBy) throws Exception {
        var tracker = JSON.createObjectNode()
                .put("id", "trk_" + trackingCode)
                .put("object", "Tracker")
                .put("tracking_code", trackingCode)
                .put("signed_by", signedBy);
        var array = tracker.putArray("tracking_details");
        for (Map<String, String> d : details) {
            var node = array.addObject()
                    .put("status", d.get("status"))
                    .put("message", d.get("message"))
                    .put("datetime", d.get("datetime"));
            node.putObject("tracking_location").put("city", d.get("city")).put("country", d.get("country"));
        }
        var event = JSON.createObjectNode()
                .put("id", "evt_" + UUID.randomUUID())
                .put("object", "Event")
                .put("description", "tracker.updated");
        event.set("result", tracker);
        return JSON.writeValueAsString(event);
    }

    static ValidatableResponse webhook(String carrier, String body, String secret) {
        return given().auth()
                .none()
                .contentType(ContentType.JSON)
                .header("X-Hmac-Signature", "hmac-sha256-hex=" + HexFormat.of().formatHex(ParcelApiWebhooks.sign(secret, body)))
                .body(body)
                .when()
                .post("/webhooks/carriers/" + carrier)
                .then()
                .log()
                .ifValidationFails();
    }

    static ValidatableResponse trackingOf(String id) {
        return given().when().get("/api/v1/shipments/" + id + "/tracking").then().statusCode(200);
    }

    static String today(String time) {
        return LocalDate.now(ZoneOffset.UTC) + "T" + time + "Z";
    }

    @Test
    void aWebhookWithABadSignatureIsRefusedAndChangesNothing() throws Exception {
        String id = plannedShipment();
        String number = dispatched(id, TWO_PARCELS);
        String body = trackerUpdated(number, List.of(detail("delivered", Instant.now().toString())), null);

        webhook("parcelco", body, "not-the-secret").statusCode(401).contentType("application/problem+json");
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/webhooks/carriers/parcelco")
                .then()
                .statusCode(401);
        webhook("nocarrier", body, "whatever").statusCode(404);
        webhook("freightline", body, "whatever").statusCode(404);
        trackingOf(id).body("[0].status", equalTo("PRE_TRANSIT")).body("[0].scans", hasSize(0));
    }

    @Test
    void signedWebhooksMoveTheTrackerForwardOnlyAndDuplicatesAreRecognised() throws Exception {
        String id = plannedShipment();
        String number = dispatched(id, TWO_PARCELS);

        webhook("parcelco", trackerUpdated(number, List.of(detail("in_transit", today("00:10:00")),
                detail("out_for_delivery", today("00:20:00"))), null), "parcelco-webhook-secret").statusCode(200)
                .body("applied", equalTo(2));
        // The same tracker again (carriers resend the whole list), with an older in-transit scan that came late.
        webhook("parcelco", trackerUpdated(number, List.of(detail("in_transit", today("00:05:00")),
                detail("in_transit", today("00:10:00")), detail("out_for_delivery", today("00:20:00"))), null),
                "parcelco-webhook-secret").statusCode(200)
                .body("applied", equalTo(0))
                .body("late", equalTo(1))
                .body("duplicates", equalTo(2));

        trackingOf(id).body("[0].carrier", equalTo("parcelco"))
                .body("[0].trackingNumber", equalTo(number))
                .body("[0].status", equalTo("OUT_FOR_DELIVERY"))
                .body("[0].scans.rawCode", contains("in_transit", "in_transit", "out_for_delivery"))
                .body("[0].scans.applied", contains(false, true, true))
                .body("[0].scans.source", contains("WEBHOOK", "WEBHOOK", "WEBHOOK"));
        var updated = awaitShipmentEvent(id, EventCatalog.TRACKING_UPDATED_V1);
        assertThat(updated.value()).contains("\"trackingNumber\":\"" + number + "\"")
                .contains("\"location\":{\"city\":\"Utrecht\",\"country\":\"NL\"}");
    }

    @Test
    void pollingCatchesAWebhookThatNeverCame() {
        String id = plannedShipment();
        String number = dispatched(id, TWO_PARCELS);
        CarrierStandins.parcelco.track(number, List.of(detail("in_transit", today("00:10:00")),
                detail("delivered", today("00:40:00"))));

        post("/ops/tracking/poll", Map.of()).statusCode(200);

        trackingOf(id).body("[0].status", equalTo("DELIVERED"))
                .body("[0].scans.source", hasItem("POLL"))
                .body("[0].lastPolledAt", org.hamcrest.Matchers.notNullValue());
        var proof = awaitShipmentEvent(id, EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1);
        assertThat(proof.value()).contains("\"trackingNumber\":\"" + number + "\"").contains("\"proofType\":\"SAFE_PLACE\"");
    }

    @Test
    void theFreightCarrierIsPolledAndItsDamageOpensAnExceptionForCustomerService() {
        String id = plannedShipment();
        String pro = dispatched(id, Map.of("parcels", List.of(Map.of("weightKg", 240, "lengthCm", 120, "widthCm", 80,
                "heightCm", 150))));
        assertThat(pro).startsWith("FL");
        CarrierStandins.freightline.trace(pro, List.of(
                Map.of("code", "AF", "description", "Departed pickup location", "date", today("00:10:00"), "city", "Venlo",
                        "country", "NL"),
                Map.of("code", "A9", "description", "Shipment damaged: pallet crushed", "date", today("00:50:00"), "city",
                        "Utrecht", "country", "NL")));

        post("/ops/tracking/poll", Map.of()).statusCode(200);

        trackingOf(id).body("[0].carrier", equalTo("freightline"))
                .body("[0].status", equalTo("EXCEPTION"))
                .body("[0].scans.rawCode", contains("AF", "A9"))
                .body("[0].scans.rawMessage", hasItem("Shipment damaged: pallet crushed"));
        var exception = awaitShipmentEvent(id, EventCatalog.DELIVERY_EXCEPTION_REPORTED_V1);
        assertThat(exception.value()).contains("\"exceptionType\":\"DAMAGED\"").contains("\"carrierCode\":\"A9\"");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().queryParam("type", "shipment.delivery-exception")
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .body("businessKey", hasItem(id)));
        assertThat(CarrierStandins.freightline.traceCalls()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aShipmentItsCarrierStopsScanningIsFlaggedForCustomerService() {
        String id = plannedShipment();
        String pro = dispatched(id, Map.of("parcels", List.of(Map.of("weightKg", 300, "lengthCm", 120, "widthCm", 80,
                "heightCm", 150))));
        CarrierStandins.freightline.trace(pro, List.of(Map.of("code", "AF", "description", "Departed pickup location",
                "date", Instant.now().toString(), "city", "Venlo", "country", "NL")));
        post("/ops/tracking/poll", Map.of()).statusCode(200);
        given().queryParam("type", "shipment.tracking-stale")
                .when()
                .get("/ops/exceptions")
                .then()
                .body("businessKey", org.hamcrest.Matchers.not(hasItem(id)));

        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            post("/ops/tracking/poll", Map.of()).statusCode(200);
            given().queryParam("type", "shipment.tracking-stale")
                    .when()
                    .get("/ops/exceptions")
                    .then()
                    .body("businessKey", hasItem(id));
        });
    }

    @Test
    void aTrackingNumberReusedAYearLaterNeverMergesTwoShipments() throws Throwable {
        String thisYear = plannedShipment();
        String number = dispatched(thisYear, TWO_PARCELS);
        String lastYear = plannedShipment();
        LocalDate aYearAgo = LocalDate.now(ZoneOffset.UTC).minusDays(365);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> tracking.start(UUID.fromString(lastYear), "parcelco", number, aYearAgo)));

        webhook("parcelco", trackerUpdated(number, List.of(detail("delivered", aYearAgo + "T15:00:00Z"),
                detail("in_transit", today("00:10:00"))), null), "parcelco-webhook-secret").statusCode(200)
                .body("applied", equalTo(2));

        trackingOf(thisYear).body("$", hasSize(1))
                .body("[0].status", equalTo("IN_TRANSIT"))
                .body("[0].scans.rawCode", contains("in_transit"));
        trackingOf(lastYear).body("[0].shipDate", equalTo(aYearAgo.toString()))
                .body("[0].status", equalTo("DELIVERED"))
                .body("[0].scans.rawCode", contains("delivered"));
    }
}

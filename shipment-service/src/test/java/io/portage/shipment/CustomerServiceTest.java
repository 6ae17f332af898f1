package io.portage.shipment;

import static io.portage.shipment.LabelTest.TWO_PARCELS;
import static io.portage.shipment.LabelTest.post;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipment;
import static io.portage.shipment.TrackingTest.detail;
import static io.portage.shipment.TrackingTest.trackerUpdated;
import static io.portage.shipment.TrackingTest.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.shipment.carriers.CarrierStandins;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Customer service and partners finding a shipment by order number, Odoo reference or tracking number, and its timeline. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
class CustomerServiceTest {

    @BeforeEach
    void operator() {
        TestTokens.actAsOperator("test-operator");
        CarrierStandins.reset();
    }

    /** Scans after the dispatch and the return, so the timeline's order is theirs. */
    static String tomorrow(String time) {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1) + "T" + time + "Z";
    }

    static io.restassured.response.ValidatableResponse find(String param, String value) {
        return given().queryParam(param, value).when().get("/api/v1/shipments").then().log().ifValidationFails();
    }

    @Test
    void aShipmentIsFoundByOrderNumberOdooReferenceOrTrackingNumberAndAPartnerFindsOnlyItsOwn() {
        OrderStream order = OrderStream.random().releasedInOrder();
        String id = awaitShipment(order.orderId());
        String number = post("/api/v1/shipments/" + id + "/label", TWO_PARCELS).statusCode(201)
                .extract()
                .path("shipment.label.trackingNumber");
        String parcel = given().get("/api/v1/shipments/" + id).then().extract().path("label.parcels[1].trackingNumber");

        find("orderNumber", "NW-" + order.orderId()).statusCode(200).body("id", contains(id));
        find("trackingNumber", number).statusCode(200).body("id", contains(id));
        find("trackingNumber", parcel).statusCode(200).body("id", contains(id));
        find("odooRef", "S990042").statusCode(200).body("id", hasItem(id));
        find("orderNumber", "NW-" + order.orderId().substring(0, 8)).statusCode(200).body("id", not(hasItem(id)));
        given().queryParam("orderNumber", "NW-" + order.orderId())
                .queryParam("trackingNumber", "NOT-ITS-NUMBER")
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("$", empty());

        given().auth()
                .oauth2(TestTokens.partner("northwind", "shipments:read").sign())
                .queryParam("trackingNumber", number)
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("id", contains(id));
        given().auth()
                .oauth2(TestTokens.partner("acme", "shipments:read").sign())
                .queryParam("trackingNumber", number)
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("$", empty());
        find("trackingNumber", "1Z 99%").statusCode(400).body("violations[0].field", equalTo("trackingNumber"));
    }

    @Test
    void aShipmentsTimelineHoldsEverythingThatHappenedInOrder() throws Exception {
        String id = awaitShipment(OrderStream.random().releasedInOrder().orderId());
        String number = TrackingTest.dispatched(id, TWO_PARCELS);
        webhook("parcelco", trackerUpdated(number, List.of(detail("in_transit", tomorrow("00:10:00")),
                detail("failure", tomorrow("00:20:00"))), null), "parcelco-webhook-secret").statusCode(200);
        webhook("parcelco", trackerUpdated(number, List.of(detail("in_transit", tomorrow("00:05:00")),
                detail("delivered", tomorrow("00:30:00"))), "A. Lovelace"), "parcelco-webhook-secret").statusCode(200);
        String returnId = post("/api/v1/shipments/" + id + "/returns", Map.of("reasonCode", "DAMAGED", "lines", List.of(
                Map.of("sku", "SKU-CHAIR-01", "quantity", 1)))).statusCode(201).extract().path("id");

        given().get("/api/v1/shipments/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("kind", contains("CREATED", "LABEL", "DISPATCHED", "RETURN_INITIATED", "LATE_SCAN", "SCAN",
                        "DELIVERY_EXCEPTION", "PROOF_OF_DELIVERY"))
                .body("[3].summary", org.hamcrest.Matchers.containsString(returnId))
                .body("[6].carrierCode", equalTo("failure"))
                .body("[6].place", equalTo("Utrecht, NL"));
        given().auth()
                .oauth2(TestTokens.partner("acme", "shipments:read").sign())
                .get("/api/v1/shipments/" + id + "/timeline")
                .then()
                .statusCode(404);
    }
}

package io.portage.shipment;

import static io.portage.shipment.LabelTest.TWO_PARCELS;
import static io.portage.shipment.LabelTest.plannedShipment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.shipment.carriers.CarrierStandins;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The end-of-day manifest holds the day's dispatched shipments of one carrier and origin, and no other. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
class ManifestTest {

    @BeforeEach
    void operatorAndPromptCarriers() {
        TestTokens.actAsOperator("ops.carol");
        CarrierStandins.reset();
    }

    @Test
    void theManifestListsTheDaysShipmentsOfOneCarrierAndOrigin() {
        String first = plannedShipment();
        String firstNumber = TrackingTest.dispatched(first, TWO_PARCELS);
        String second = plannedShipment();
        String secondNumber = TrackingTest.dispatched(second, TWO_PARCELS);
        String labelledOnly = plannedShipment();
        LabelTest.post("/api/v1/shipments/" + labelledOnly + "/label", TWO_PARCELS).statusCode(201);
        CarrierStandins.parcelco.refuseBuy("SHIPMENT.POSTAGE.FAILURE");
        String bySwiftpost = plannedShipment();
        TrackingTest.dispatched(bySwiftpost, TWO_PARCELS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        given().queryParam("carrier", "parcelco")
                .queryParam("origin", "WH1")
                .queryParam("date", today.toString())
                .when()
                .get("/ops/manifests")
                .then()
                .statusCode(200)
                .body("carrier", equalTo("parcelco"))
                .body("entries.shipmentId", hasItems(first, second))
                .body("entries.trackingNumber", hasItems(firstNumber, secondNumber))
                .body("entries.shipmentId", not(hasItem(labelledOnly)))
                .body("entries.shipmentId", not(hasItem(bySwiftpost)))
                .body("entries.find { it.shipmentId == '" + first + "' }.parcels", equalTo(2))
                .body("entries.find { it.shipmentId == '" + first + "' }.weightKg", equalTo(21.5f));
        given().queryParam("carrier", "parcelco")
                .queryParam("origin", "WH1")
                .queryParam("date", today.minusDays(1).toString())
                .when()
                .get("/ops/manifests")
                .then()
                .statusCode(200)
                .body("entries.shipmentId", not(hasItem(first)));
        given().queryParam("carrier", "parcelco")
                .queryParam("origin", "WH1")
                .queryParam("date", "yesterday")
                .when()
                .get("/ops/manifests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.partner("northwind"))
                .queryParam("carrier", "parcelco")
                .queryParam("origin", "WH1")
                .queryParam("date", today.toString())
                .when()
                .get("/ops/manifests")
                .then()
                .statusCode(403);
    }
}

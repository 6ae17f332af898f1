package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Outbound appointments name their shipments; the yard knows them from shipment-service's facts (in any order) and
 * refuses, or holds for a person, a booking naming one that is unknown, ships from another site, left or was cancelled.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class OutboundBookingTest {

    static final String DAY = "2030-12-02";

    @BeforeEach
    void defineSites() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
        Map<String, Object> hold = new HashMap<>(YardSites.hours("05:00", "22:00"));
        hold.putAll(Map.of("timeZone", "UTC", "slotMinutes", 15, "purchaseOrderCheckFailure", "HOLD", "docks",
                List.of(YardSites.dock("OUT", List.of(YardSites.door("O1"))))));
        YardSites.define("HOLDOUT", hold);
    }

    static ProducerRecord<String, String> fact(EventType type, String shipment, long sequence, String json) {
        return CloudEventRecords.binary(type.topic(), UUID.randomUUID().toString(), type.type(), shipment, json,
                Map.of("sequence", Long.toString(sequence)));
    }

    static ProducerRecord<String, String> created(String shipment, String warehouse) {
        return fact(EventCatalog.SHIPMENT_CREATED_V1, shipment, 1, """
                {"shipmentId":"%s","orderId":"%s","partnerId":"acme","warehouse":"%s","destinationCountry":"NL",
                 "serviceLevel":"STANDARD","createdAt":"2030-12-01T10:00:00Z"}""".formatted(shipment, UUID.randomUUID(),
                warehouse));
    }

    static ProducerRecord<String, String> dispatched(String shipment) {
        return fact(EventCatalog.SHIPMENT_DISPATCHED_V1, shipment, 3, """
                {"shipmentId":"%s","carrier":"parcelco","trackingNumber":"1Z1","parcels":1,
                 "dispatchedAt":"2030-12-01T15:00:00Z"}""".formatted(shipment));
    }

    static Response book(String site, String dock, String reference, List<String> shipments) {
        return given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("swift"))
                .body(Map.of("site", site, "dock", dock, "direction", "OUTBOUND", "carrier", "Swift Freight", "reference",
                        reference, "slotStart", DAY + "T14:00:00Z", "slotEnd", DAY + "T15:00:00Z", "shipments", shipments))
                .post("/api/v1/appointments");
    }

    @Test
    void anOutboundBookingNamesShipmentsOfItsSiteThatHaveNotLeft() {
        String ready = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        // The dispatch arrives before the creation: the yard still ends up knowing the shipment left.
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings()
                    .fromRecords(List.of(dispatched(gone), created(ready, "WH1"), created(elsewhere, "WH2"),
                            created(gone, "WH1")))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> book("WH1", "D160", "LOAD-1", List.of(ready)).then()
                        .statusCode(201)
                        .body("status", equalTo("SCHEDULED"))
                        .body("shipments", equalTo(List.of(ready))));

        book("WH1", "D161", "LOAD-2", List.of(ready, elsewhere)).then()
                .statusCode(422)
                .body("rule", equalTo("shipment"))
                .body("detail", containsString(elsewhere + " ships from WH2, not WH1"));
        book("WH1", "D161", "LOAD-3", List.of(gone)).then()
                .statusCode(422)
                .body("detail", containsString(gone + " was dispatched already"));
        book("WH1", "D161", "LOAD-4", List.of(unknown)).then()
                .statusCode(422)
                .body("detail", containsString(unknown + " is not known to the yard"));
        book("WH1", "D161", "LOAD-5", List.of("not-a-uuid")).then()
                .statusCode(400)
                .body("violations.field", hasItem(containsString("shipments")));
    }

    @Test
    void aSiteThatHoldsFailedChecksLeavesTheBookingRequestedWithTheReason() {
        String unknown = UUID.randomUUID().toString();
        book("HOLDOUT", "OUT", "LOAD-H", List.of(unknown)).then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("statusReason", containsString("Shipment check failed: " + unknown + " is not known to the yard"));
    }
}

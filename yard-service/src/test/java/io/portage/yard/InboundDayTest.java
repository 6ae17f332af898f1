package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.Topics;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.PurchaseOrder;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A full inbound day against real PostgreSQL, Kafka and the Odoo stand-in: book with a purchase order, gate-in, the
 * appointment's door, unloading, a receipt two cartons short, the exception, its approval, Odoo's receipt with a
 * backorder, gate-out, detention charged.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
@QuarkusTestResource(OdooStandinResource.class)
class InboundDayTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DAY = "2030-12-05";
    static final long LAMP = 3;

    @Inject
    OdooClient odoo;

    @Inject
    OdooOperations operations;

    @BeforeEach
    void defineSiteAndTerms() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
        given().contentType(ContentType.JSON)
                .body(Map.of("freeMinutes", 60, "hourlyRate", 40.00, "currency", "EUR", "roundingMinutes", 15))
                .put("/ops/yard/carriers/swift/detention")
                .then()
                .statusCode(200);
    }

    static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + ":00Z");
    }

    @Test
    void bookGateInUnloadShortApproveReceiveGateOutCharge() {
        long po = odoo.calls()
                .create("purchase.order", Map.of("partner_id", 4, "order_line", List.of(List.of(0, 0, Map.of("product_id",
                        LAMP, "product_qty", 20, "price_unit", 10, "date_planned", DAY + " 08:00:00")))))
                .await()
                .atMost(WAIT);
        odoo.calls().callOnRecords("purchase.order", "button_confirm", List.of(po), Map.of()).await().atMost(WAIT);
        String order = odoo.calls()
                .read("purchase.order", List.of(po), List.of("name"))
                .await()
                .atMost(WAIT)
                .get(0)
                .path("name")
                .asText();
        String appointment = given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("swift"))
                .body(Map.of("site", "WH1", "dock", "D188", "direction", "INBOUND", "carrier", "Swift Freight", "reference",
                        "ASN-DAY", "slotStart", DAY + "T08:00:00Z", "slotEnd", DAY + "T09:00:00Z", "purchaseOrders",
                        List.of(order)))
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .body("status", equalTo("SCHEDULED"))
                .extract()
                .path("id");

        String visit = "V-" + UUID.randomUUID().toString().substring(0, 8);
        String receipt = "ASN-" + UUID.randomUUID();
        VisitConsumerTest.produce(List.of(
                VisitConsumerTest.scan(visit, "GATE_IN", at("07:55"), Map.of("appointmentRef", appointment, "trailerNumber",
                        "SWFU 7", "sealNumber", "SEAL-7")),
                VisitConsumerTest.scan(visit, "UNLOADING_STARTED", at("08:10"), Map.of()),
                VisitConsumerTest.scan(visit, "UNLOADING_COMPLETED", at("09:20"), Map.of())));
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/ops/yard/sites/WH1/visits/" + visit)
                        .then()
                        .body("status", equalTo("COMPLETED"))
                        .body("door", equalTo("D188-1")));

        VisitConsumerTest.produce(List.of(ReceiptReviewTest.line(UUID.randomUUID().toString(), receipt, appointment, 1,
                "PT-LAMP-01", 20, 18, 2, 0)));
        await().atMost(WAIT)
                .untilAsserted(() -> given().queryParam("site", "WH1")
                        .queryParam("status", "EXCEPTION")
                        .get("/ops/yard/receipts")
                        .then()
                        .body("receiptId", hasItem(receipt)));
        given().post("/ops/yard/receipts/" + receipt + "/lines/1/approve").then().statusCode(200);
        PurchaseOrder received = operations.purchases().findByName(order).await().atMost(WAIT);
        assertThat(received.lines().get(0).received()).isEqualByComparingTo("18");
        assertThat(received.pickingIds()).as("the receipt and a backorder for the two short").hasSize(2);

        VisitConsumerTest.produce(List.of(VisitConsumerTest.scan(visit, "GATE_OUT", at("09:40"), Map.of())));
        ConsumerRecord<String, String> charged = TestKafka.awaitRecord(Topics.YARD, r -> appointment.equals(r.key())
                && "io.portage.yard.detention-charged.v2".equals(TestKafka.header(r, "ce_type")));
        // On time: the clock runs from 08:00 to 09:40, 40 minutes beyond the free hour, rounded up to 45: 0.75 h at 40.00.
        assertThat(charged.value()).contains("\"clockStart\":\"SLOT_START\"")
                .contains("\"minutes\":45")
                .contains("\"amount\":{\"amount\":\"30.00\",\"currency\":\"EUR\"}");
        given().get("/api/v1/appointments/" + appointment).then().body("status", equalTo("COMPLETED"));
    }
}

package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.PurchaseOrder;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Receipt lines from the dock held against the purchase order in the Odoo stand-in: a matching receipt goes into Odoo
 * once however often its lines come; a short and damaged line waits for a person, and its approval receives with a
 * backorder and scraps the damaged goods.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
@QuarkusTestResource(OdooStandinResource.class)
class ReceiptReviewTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DAY = "2030-12-04";
    static final long CHAIR = 1;
    static final long LAMP = 3;

    @Inject
    OdooClient odoo;

    @Inject
    OdooOperations operations;

    @BeforeEach
    void defineSite() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
    }

    /** A confirmed purchase from Deco Addict of {@code quantities} per product, planned at the slot; its name. */
    String purchase(Map<Long, Integer> quantities) {
        List<Object> lines = quantities.entrySet()
                .stream()
                .map(line -> (Object) List.of(0, 0, Map.of("product_id", line.getKey(), "product_qty", line.getValue(),
                        "price_unit", 10, "date_planned", DAY + " 08:30:00")))
                .toList();
        long po = odoo.calls().create("purchase.order", Map.of("partner_id", 4, "order_line", lines)).await().atMost(WAIT);
        odoo.calls().callOnRecords("purchase.order", "button_confirm", List.of(po), Map.of()).await().atMost(WAIT);
        return odoo.calls()
                .read("purchase.order", List.of(po), List.of("name"))
                .await()
                .atMost(WAIT)
                .get(0)
                .path("name")
                .asText();
    }

    static String book(String dock, String order) {
        return given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("swift"))
                .body(Map.of("site", "WH1", "dock", dock, "direction", "INBOUND", "carrier", "Swift Freight", "reference",
                        "ASN-" + order, "slotStart", DAY + "T08:00:00Z", "slotEnd", DAY + "T09:00:00Z", "purchaseOrders",
                        List.of(order)))
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ProducerRecord<String, String> line(String eventId, String receipt, String appointment, int number, String sku,
            int expected, int received, int shortQuantity, int damaged) {
        return line("WH1", eventId, receipt, appointment, number, sku, expected, received, shortQuantity, damaged,
                Instant.parse(DAY + "T08:40:00Z"));
    }

    static ProducerRecord<String, String> line(String site, String eventId, String receipt, String appointment, int number,
            String sku, int expected, int received, int shortQuantity, int damaged, Instant confirmedAt) {
        String json = """
                {"receiptId":"%s","site":"%s","appointmentId":"%s","lineNumber":%d,"sku":"%s","expectedQuantity":%d,
                 "receivedQuantity":%d,"shortQuantity":%d,"damagedQuantity":%d,"confirmedAt":"%s"}"""
                .formatted(receipt, site, appointment, number, sku, expected, received, shortQuantity, damaged, confirmedAt);
        return CloudEventRecords.binary(EventCatalog.RECEIPT_LINE_CONFIRMED_V1.topic(), eventId,
                EventCatalog.RECEIPT_LINE_CONFIRMED_V1.type(), receipt, json, Map.of("sequence", Integer.toString(number)));
    }

    PurchaseOrder order(String name) {
        return operations.purchases().findByName(name).await().atMost(WAIT);
    }

    static io.restassured.response.ValidatableResponse lines(String status) {
        return given().queryParam("site", "WH1").queryParam("status", status).get("/ops/yard/receipts").then().statusCode(200);
    }

    @Test
    void aMatchingReceiptGoesIntoOdooOnceHoweverOftenItsLinesCome() {
        String po = purchase(Map.of(CHAIR, 4, LAMP, 10));
        String appointment = book("D185", po);
        String receipt = "ASN-" + UUID.randomUUID();
        int validations = OdooStandinResource.standin().calls("stock.picking", "button_validate");
        ProducerRecord<String, String> chairs = line(UUID.randomUUID().toString(), receipt, appointment, 1, "PT-CHAIR-01", 4,
                4, 0, 0);
        VisitConsumerTest.produce(List.of(chairs, chairs,
                line(UUID.randomUUID().toString(), receipt, appointment, 1, "PT-CHAIR-01", 4, 4, 0, 0),
                line(UUID.randomUUID().toString(), receipt, appointment, 2, "PT-LAMP-01", 10, 10, 0, 0)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(order(po).fullyReceived()).isTrue());
        // The lines are marked applied once Odoo's answer is recorded, just after Odoo shows the receipt.
        await().atMost(WAIT)
                .untilAsserted(() -> lines("APPLIED").body("findAll { it.receiptId == '" + receipt + "' }.size()", equalTo(2)));
        // The lines again, redelivered: nothing more in Odoo.
        VisitConsumerTest.produce(List.of(chairs, line(UUID.randomUUID().toString(), receipt, appointment, 2, "PT-LAMP-01",
                10, 10, 0, 0)));
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(
                        OdooStandinResource.standin().calls("stock.picking", "button_validate")).isEqualTo(validations + 1));
        assertThat(order(po).pickingIds()).hasSize(1);
    }

    @Test
    void aShortAndDamagedLineWaitsForAPersonAndItsApprovalReceivesWithABackorder() {
        String po = purchase(Map.of(LAMP, 10));
        String appointment = book("D186", po);
        String receipt = "ASN-" + UUID.randomUUID();
        VisitConsumerTest.produce(List.of(line(UUID.randomUUID().toString(), receipt, appointment, 1, "PT-LAMP-01", 10, 7, 2,
                1), line(UUID.randomUUID().toString(), receipt, appointment, 2, "PT-DESK-01", 1, 1, 0, 0)));
        await().atMost(WAIT).untilAsserted(() -> lines("EXCEPTION").body("receiptId", hasItem(receipt)));
        lines("EXCEPTION").body("find { it.receiptId == '" + receipt + "' && it.lineNumber == 1 }.discrepancy",
                equalTo("DAMAGED"))
                .body("find { it.receiptId == '" + receipt + "' && it.lineNumber == 1 }.evidence",
                        containsString("expected 10, received 7, short 2, damaged 1; " + po + " still to receive 10"))
                .body("find { it.receiptId == '" + receipt + "' && it.lineNumber == 2 }.discrepancy",
                        equalTo("UNKNOWN_PRODUCT"));
        // Nothing in Odoo until a person approves.
        assertThat(order(po).lines().get(0).received()).isEqualByComparingTo("0");
        given().post("/ops/yard/receipts/" + receipt + "/lines/1/approve")
                .then()
                .statusCode(200)
                .body("status",
                        equalTo("APPROVED"));
        assertThat(order(po).lines().get(0).received()).isEqualByComparingTo("0");
        given().queryParam("type", "yard.receipt-discrepancy")
                .get("/ops/exceptions")
                .then()
                .body("find { it.businessKey == '" + receipt + "#1' }.status", equalTo("RESOLVED"))
                .body("find { it.businessKey == '" + receipt + "#1' }.resolvedBy", equalTo("test-operator"));
        given().auth()
                .oauth2(TestTokens.partner("swift"))
                .post("/ops/yard/receipts/" + receipt + "/lines/2/approve")
                .then()
                .statusCode(403);
        // Line 2 is approved from the exception queue, where every service's items wait: retrying applies it.
        String item = given().queryParam("type", "yard.receipt-discrepancy")
                .queryParam("status", "OPEN")
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .body("find { it.businessKey == '" + receipt + "#2' }.ownerRole", equalTo("warehouse"))
                .body("find { it.businessKey == '" + receipt + "#2' }.payload", containsString("\"sku\":\"PT-DESK-01\""))
                .body("find { it.businessKey == '" + receipt + "#2' }.payload",
                        containsString("\"discrepancy\":\"UNKNOWN_PRODUCT\""))
                .body("businessKey", not(hasItem(receipt + "#1")))
                .extract()
                .path("find { it.businessKey == '" + receipt + "#2' }.id");
        TestTokens.actAsOperator("receiving-lead");
        given().post("/ops/exceptions/" + item + "/retry").then().statusCode(200).body("status", equalTo("RETRIED"));
        TestTokens.actAsOperator("test-operator");
        given().post("/ops/yard/receipts/" + receipt + "/lines/2/approve").then().statusCode(409);
        given().post("/ops/yard/receipts/" + receipt + "/lines/9/approve").then().statusCode(404);

        PurchaseOrder after = order(po);
        assertThat(after.lines().get(0).received()).isEqualByComparingTo(new BigDecimal("8"));
        assertThat(after.pickingIds()).as("the receipt and its backorder").hasSize(2);
        List<Map<String, Object>> scraps = OdooStandinResource.standin().records("stock.scrap");
        assertThat(scraps).anySatisfy(scrap -> assertThat(scrap.get("origin")).isEqualTo("portage:" + receipt));
        lines("APPLIED").body("find { it.receiptId == '" + receipt + "' && it.lineNumber == 1 }.approvedBy",
                equalTo("test-operator"));
        // On no purchase order, the approved line has nothing to apply in Odoo.
        lines("APPROVED").body("find { it.receiptId == '" + receipt + "' && it.lineNumber == 2 }.approvedBy",
                equalTo("receiving-lead"));
        given().queryParam("target", "receipt-line:" + receipt + "#1")
                .get("/ops/audit")
                .then()
                .statusCode(200)
                .body("actor", hasItem("test-operator"))
                .body("detail", hasItem("approved DAMAGED as counted"));
    }

    @Test
    void theBackorderOfAShortReceiptIsReceivedOnALaterVisitAndEachReceiptsLagIsMeasured() {
        Map<String, Object> later = new java.util.HashMap<>(YardSites.hours("00:00", "23:59"));
        later.putAll(Map.of("timeZone", "UTC", "slotMinutes", 15, "docks",
                List.of(YardSites.dock("L", List.of(YardSites.door("L1"), YardSites.door("L2"))))));
        YardSites.define("LATER", later);
        String po = purchase(Map.of(LAMP, 10));
        Instant now = Instant.now();
        String first = bookAt("LATER", "L", po);
        String receipt1 = "ASN-" + UUID.randomUUID();
        VisitConsumerTest.produce(List.of(line("LATER", UUID.randomUUID().toString(), receipt1, first, 1, "PT-LAMP-01", 10, 7,
                3, 0, now.minus(Duration.ofMinutes(30)))));
        await().atMost(WAIT)
                .untilAsserted(() -> given().queryParam("site", "LATER")
                        .queryParam("status", "EXCEPTION")
                        .get("/ops/yard/receipts")
                        .then()
                        .body("receiptId", hasItem(receipt1)));
        given().post("/ops/yard/receipts/" + receipt1 + "/lines/1/approve").then().statusCode(200);
        assertThat(order(po).lines().get(0).received()).isEqualByComparingTo("7");
        assertThat(order(po).pickingIds()).as("the receipt and its backorder").hasSize(2);

        // The rest comes on another truck: it goes onto the backorder, not the receipt already done.
        String second = bookAt("LATER", "L", po);
        String receipt2 = "ASN-" + UUID.randomUUID();
        VisitConsumerTest.produce(List.of(line("LATER", UUID.randomUUID().toString(), receipt2, second, 1, "PT-LAMP-01", 3,
                3, 0, 0, now.minus(Duration.ofMinutes(10)))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(order(po).fullyReceived()).isTrue());
        assertThat(order(po).lines().get(0).received()).isEqualByComparingTo("10");
        assertThat(order(po).pickingIds()).as("no further backorder").hasSize(2);

        given().queryParam("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
                .get("/ops/yard/sites/LATER/measures")
                .then()
                .statusCode(200)
                .body("receiptsInOdoo", equalTo(2))
                .body("longestReceiptLagMinutes", org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(30))
                        .and(org.hamcrest.Matchers.lessThan(35)))
                .body("averageReceiptLagMinutes", org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(20))
                        .and(org.hamcrest.Matchers.lessThan(25)));
        given().auth()
                .none()
                .get("/q/metrics")
                .then()
                .body(containsString("portage_yard_receipt_lag_seconds_count{site=\"LATER\"} 2"));
    }

    /** Books an inbound 08:00-09:00 slot on the test's day at {@code site} and {@code dock} for {@code order}; its id. */
    static String bookAt(String site, String dock, String order) {
        return given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("swift"))
                .body(Map.of("site", site, "dock", dock, "direction", "INBOUND", "carrier", "Swift Freight", "reference",
                        "ASN-" + UUID.randomUUID(), "slotStart", DAY + "T08:00:00Z", "slotEnd", DAY + "T09:00:00Z",
                        "purchaseOrders", List.of(order)))
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}

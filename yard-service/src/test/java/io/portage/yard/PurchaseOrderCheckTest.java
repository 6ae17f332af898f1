package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import io.restassured.response.Response;

/**
 * Inbound bookings checked against the purchase orders in the Odoo stand-in (strict as ODOO.md: confirmed, quantities
 * left to receive, planned near the slot): refused with the reason, or held as requested for a person.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
@QuarkusTestResource(OdooStandinResource.class)
class PurchaseOrderCheckTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DAY = "2030-11-29";
    static final long LAMP = 3;
    static final long DECO_ADDICT = 4;

    @Inject
    OdooClient odoo;

    @Inject
    OdooOperations operations;

    @BeforeEach
    void defineSites() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
        Map<String, Object> hold = new HashMap<>(YardSites.hours("05:00", "22:00"));
        hold.putAll(Map.of("timeZone", "UTC", "slotMinutes", 15, "purchaseOrderWindowHours", 6,
                "purchaseOrderCheckFailure", "HOLD", "docks", List.of(YardSites.dock("H", List.of(YardSites.door("H1"))))));
        YardSites.define("HOLD", hold);
    }

    /** A purchase of 10 lamps planned at {@code planned} (UTC), confirmed or left a draft; its Odoo name. */
    String purchase(String planned, boolean confirm) {
        long po = odoo.calls()
                .create("purchase.order", Map.of("partner_id", DECO_ADDICT, "order_line", List.of(List.of(0, 0,
                        Map.of("product_id", LAMP, "product_qty", 10, "price_unit", 12.5, "date_planned", planned)))))
                .await()
                .atMost(WAIT);
        if (confirm) {
            odoo.calls().callOnRecords("purchase.order", "button_confirm", List.of(po), Map.of()).await().atMost(WAIT);
        }
        return odoo.calls()
                .read("purchase.order", List.of(po), List.of("name"))
                .await()
                .atMost(WAIT)
                .get(0)
                .path("name")
                .asText();
    }

    void receive(String name, String quantity) {
        PurchaseOrder order = operations.purchases().findByName(name).await().atMost(WAIT);
        operations.stock()
                .validateReceipt(order.pickingIds().get(0), Map.of(LAMP, new BigDecimal(quantity)), false)
                .await()
                .atMost(WAIT);
    }

    static Response book(String site, String dock, String start, String end, List<String> orders) {
        Map<String, Object> body = new HashMap<>(Map.of("site", site, "dock", dock, "direction", "INBOUND", "carrier",
                "Swift Freight", "reference", "ASN-" + orders, "slotStart", DAY + "T" + start + ":00Z", "slotEnd",
                DAY + "T" + end + ":00Z", "purchaseOrders", orders));
        return given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("swift"))
                .body(body)
                .when()
                .post("/api/v1/appointments");
    }

    static void refused(Response answer, String reason) {
        answer.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("purchase-order"))
                .body("violations[0].field", equalTo("purchaseOrders"))
                .body("detail", containsString(reason));
    }

    @Test
    void aConfirmedOrderWithQuantitiesLeftPlannedNearTheSlotPasses() {
        String open = purchase(DAY + " 09:00:00", true);
        book("WH1", "D180", "08:00", "09:00", List.of(open)).then()
                .statusCode(201)
                .body("status", equalTo("SCHEDULED"))
                .body("purchaseOrders[0]", equalTo(open));
        // Odoo says "full" after a short receipt closed without a backorder: 3 lamps are still to come.
        String shortReceived = purchase(DAY + " 10:00:00", true);
        receive(shortReceived, "7");
        assertThat(operations.purchases().findByName(shortReceived).await().atMost(WAIT).receiptStatus()).isEqualTo("full");
        book("WH1", "D181", "10:00", "11:00", List.of(shortReceived)).then()
                .statusCode(201)
                .body("status", equalTo("SCHEDULED"));
    }

    @Test
    void unknownUnconfirmedFullyReceivedAndFarOffOrdersAreRefusedWithTheReason() {
        refused(book("WH1", "D182", "08:00", "09:00", List.of("P99999")), "P99999 does not exist in Odoo");
        String draft = purchase(DAY + " 09:00:00", false);
        refused(book("WH1", "D182", "08:00", "09:00", List.of(draft)), draft + " is not confirmed (state draft)");
        String received = purchase(DAY + " 09:00:00", true);
        receive(received, "10");
        refused(book("WH1", "D182", "08:00", "09:00", List.of(received)), received + " has nothing left to receive");
        String nextWeek = purchase("2030-12-06 09:00:00", true);
        refused(book("WH1", "D182", "08:00", "09:00", List.of(nextWeek)), nextWeek + " is planned for 2030-12-06T09:00:00Z");
        // One bad order among good ones refuses the booking; nothing was stored.
        String good = purchase(DAY + " 09:00:00", true);
        refused(book("WH1", "D182", "08:00", "09:00", List.of(good, "P99998")), "P99998 does not exist");
        given().queryParam("site", "WH1")
                .queryParam("date", DAY)
                .get("/api/v1/appointments")
                .then()
                .body("findAll { it.dock == 'D182' }.size()", equalTo(0));
    }

    @Test
    void aSiteThatHoldsLeavesAFailedCheckRequestedUntilAnOperatorSchedulesIt() {
        String id = book("HOLD", "H", "08:00", "09:00", List.of("P99997")).then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("statusReason", containsString("P99997 does not exist in Odoo"))
                .extract()
                .path("id");
        // It holds its door meanwhile.
        book("HOLD", "H", "08:30", "09:30", List.of()).then().statusCode(409);
        given().auth()
                .oauth2(TestTokens.partner("swift"))
                .post("/ops/yard/appointments/" + id + "/schedule")
                .then()
                .statusCode(403);
        given().post("/ops/yard/appointments/" + id + "/schedule").then().statusCode(200).body("status", equalTo("SCHEDULED"));
        given().post("/ops/yard/appointments/" + id + "/schedule").then().statusCode(409);
        ConsumerRecord<String, String> booked = TestKafka.awaitRecord(Topics.YARD,
                r -> id.equals(r.key()) && "io.portage.yard.appointment-booked.v1".equals(TestKafka.header(r, "ce_type")));
        assertThat(booked.value()).contains("\"dock\":\"H\"");
    }
}

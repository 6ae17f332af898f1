package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A carrier's invoice file audited against its rate card, terms and labels: matched lines billed once in the Odoo
 * stand-in under the carrier's invoice number, overcharged, duplicate, unknown, reweighed and unexpected lines disputed
 * for finance with their evidence; the same file twice, and an invoice number used again, create nothing new.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class CarrierInvoiceAuditTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final long VENDOR = 4;
    static final String HEADER = "carrier,invoice_number,invoice_date,currency,line,tracking_number,ship_date,origin,"
            + "destination,service,declared_weight_kg,billed_weight_kg,freight,fuel,accessorials,total\n";

    String carrier;
    String finance;

    @BeforeEach
    void carrierWithTermsAndLabels() {
        carrier = "Swift-" + UUID.randomUUID().toString().substring(0, 8);
        finance = FinanceTokens.finance("fiona");
        given().auth()
                .oauth2(TestTokens.ops("test-operator"))
                .contentType(ContentType.JSON)
                .body(Map.of("carrier", carrier, "originCountry", "NL", "destinationCountry", "DE", "currency", "EUR",
                        "minimumCharge", 45, "pricePerKg", 0.185, "validFrom", "2026-01-01"))
                .post("/api/v1/rate-cards")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(finance)
                .contentType(ContentType.JSON)
                .body(Map.of("odooPartnerId", VENDOR, "fuelSurcharges", List.of(Map.of("validFrom", "2026-01-01", "percent",
                        10), Map.of("validFrom", "2026-03-01", "percent", 20)), "accessorials", List.of(
                                Map.of("code",
                                        "LIFTGATE", "amount", 25, "currency", "EUR"))))
                .put("/api/v1/carrier-terms/" + carrier)
                .then()
                .statusCode(200)
                .body("tolerance.amount", equalTo(5.0f));
        labels("T1", "T2", "T3", "T4", "T5");
    }

    void labels(String... trackingNumbers) {
        List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
        for (String tracking : trackingNumbers) {
            String shipment = "SHP-" + UUID.randomUUID();
            String json = """
                    {"shipmentId":"%s","carrier":"%s","service":"ROAD","trackingNumber":"%s","labelFormat":"PDF",
                     "parcels":1,"cost":{"amount":"200.00","currency":"EUR"},"generatedAt":"2026-03-01T08:00:00Z"}"""
                    .formatted(shipment, carrier, tracking);
            records.add(CloudEventRecords.binary(EventCatalog.LABEL_GENERATED_V2.topic(), UUID.randomUUID().toString(),
                    EventCatalog.LABEL_GENERATED_V2.type(), shipment, json, Map.of("sequence", "2", "correlationid",
                            "corr-" + tracking)));
        }
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }
        await().atMost(WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(finance)
                        .queryParam("carrier", carrier)
                        .get("/api/v1/carrier-charges")
                        .then()
                        .statusCode(200)
                        .body("size()", equalTo(trackingNumbers.length)));
    }

    String file(String invoice, String second) {
        return HEADER
                // Matched: 1000 kg x 0.185 = 185.00, fuel 10% in February.
                + row(invoice, "2026-03-20", 1, "T1", "2026-02-15", "1000", "1000", "185.00", "18.50", "", "203.50")
                // Matched: minimum charge 45.00, fuel 20% in March, the agreed liftgate.
                + row(invoice, "2026-03-20", 2, "T2", "2026-03-10", "100", "100", "45.00", "9.00", "LIFTGATE=25.00", "79.00")
                // Overcharged: 300.00 for what re-rates at 222.00.
                + row(invoice, "2026-03-20", 3, "T3", "2026-03-10", "1000", "1000", "250.00", "50.00", "", "300.00")
                // T1 again.
                + row(invoice, "2026-03-20", 4, "T1", "2026-02-15", "1000", "1000", "185.00", "18.50", "", "203.50")
                // No label carries T9.
                + row(invoice, "2026-03-20", 5, "T9", "2026-03-10", "1000", "1000", "185.00", "37.00", "", "222.00")
                // Reweighed: 600 kg billed for 500 declared.
                + row(second, "2026-03-21", 1, "T4", "2026-03-10", "500", "600", "111.00", "22.20", "", "133.20")
                // An accessorial not agreed.
                + row(second, "2026-03-21", 2, "T5", "2026-03-10", "1000", "1000", "185.00", "37.00", "INSIDE=30.00",
                        "252.00");
    }

    String row(String invoice, String date, int line, String tracking, String shipDate, String declared, String billed,
            String freight, String fuel, String accessorials, String total) {
        return String.join(",", carrier, invoice, date, "EUR", Integer.toString(line), tracking, shipDate, "NL", "DE", "ROAD",
                declared, billed, freight, fuel, accessorials, total) + "\n";
    }

    String importFile(String csv, int status) {
        return given().auth()
                .oauth2(finance)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/carrier-invoice-batches")
                .then()
                .statusCode(status)
                .extract()
                .path("id");
    }

    JsonPath report(String batch) {
        await().atMost(WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(finance)
                        .get("/api/v1/carrier-invoice-batches/" + batch)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("DONE")));
        return given().auth()
                .oauth2(finance)
                .get("/api/v1/carrier-invoice-batches/" + batch + "/report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    List<Map<String, Object>> bills(String ref) {
        return OdooStandinResource.standin()
                .records("account.move")
                .stream()
                .filter(move -> "in_invoice".equals(move.get("move_type")) && ref.equals(move.get("ref")))
                .toList();
    }

    List<Map<String, Object>> disputesOf(String batch) {
        return given().auth()
                .oauth2(TestTokens.ops("test-operator"))
                .queryParam("type", "finance.carrier-invoice-dispute")
                .queryParam("owner", "finance")
                .queryParam("limit", 1000)
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("$")
                .stream()
                .filter(item -> String.valueOf(item.get("payload")).contains(batch))
                .toList();
    }

    @Test
    void aFileOfMatchedOverchargedDuplicateAndUnknownLinesGivesItsReportBillAndExceptions() {
        String invoice = "INV-" + UUID.randomUUID().toString().substring(0, 8);
        String second = invoice + "-B";
        String batch = importFile(file(invoice, second), 202);
        JsonPath report = report(batch);

        assertThat(report.getInt("totalLines")).isEqualTo(7);
        assertThat(report.getInt("auditedLines")).isEqualTo(7);
        Map<String, Object> matched = total(report, "MATCHED", null);
        assertThat(matched).containsEntry("lines", 2);
        assertThat(new BigDecimal(matched.get("billed").toString())).isEqualByComparingTo("282.50");
        assertThat(total(report, "DISPUTED", "OVERCHARGE")).containsEntry("lines", 1);
        assertThat(new BigDecimal(total(report, "DISPUTED", "OVERCHARGE").get("expected").toString()))
                .isEqualByComparingTo("222.00");
        assertThat(total(report, "DISPUTED", "DUPLICATE_BILLING")).containsEntry("lines", 1);
        assertThat(total(report, "DISPUTED", "UNKNOWN_SHIPMENT")).containsEntry("lines", 1);
        assertThat(total(report, "DISPUTED", "REWEIGH")).containsEntry("lines", 1);
        assertThat(total(report, "DISPUTED", "UNEXPECTED_ACCESSORIAL")).containsEntry("lines", 1);
        assertThat(report.getList("disputes.trackingNumber")).containsExactlyInAnyOrder("T3", "T1", "T9", "T4", "T5");
        assertThat(report.getFloat("disputes.find { it.disputeClass == 'REWEIGH' }.evidence.billedWeightKg"))
                .isEqualTo(600f);
        assertThat(report.getString("invoices.find { it.invoiceNumber == '" + invoice + "' }.status")).isEqualTo("BILLED");
        assertThat(report.getString("invoices.find { it.invoiceNumber == '" + second + "' }.status"))
                .isEqualTo("NOTHING_TO_BILL");

        List<Map<String, Object>> bills = bills(invoice);
        assertThat(bills).hasSize(1);
        assertThat(bills.get(0)).containsEntry("state", "posted");
        assertThat(String.valueOf(bills.get(0).get("partner_id"))).startsWith("[" + VENDOR + ",");
        assertThat(new BigDecimal(bills.get(0).get("amount_total").toString())).isEqualByComparingTo("282.50");
        assertThat(bills(second)).isEmpty();
        List<Map<String, Object>> disputes = disputesOf(batch);
        assertThat(disputes).hasSize(5).allSatisfy(item -> assertThat(item).containsEntry("status", "OPEN"));

        String csv = given().auth()
                .oauth2(finance)
                .get("/api/v1/carrier-invoice-batches/" + batch + "/report.csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv).startsWith("batch_id,carrier,currency,outcome,dispute_class,lines,billed,expected\n")
                .contains(batch + "," + carrier + ",EUR,MATCHED,,2,282.50,282.50\n")
                .contains(batch + "," + carrier + ",EUR,DISPUTED,OVERCHARGE,1,300.00,222.00\n");
    }

    @Test
    void theSameFileTwiceCreatesNothingAndAnInvoiceNumberUsedAgainIsNeverBilledTwice() {
        String invoice = "INV-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = file(invoice, invoice + "-B");
        String batch = importFile(csv, 202);
        report(batch);
        int moves = OdooStandinResource.standin().records("account.move").size();
        int disputes = disputesOf(batch).size();

        assertThat(importFile(csv, 200)).isEqualTo(batch);
        // The same invoices written differently (spaces, trailing zeros) are the same invoices.
        assertThat(importFile(csv.replace(",1000,1000,185.00,", ", 1000.0 ,1000,185.0,"), 200)).isEqualTo(batch);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> {
            assertThat(OdooStandinResource.standin().records("account.move")).hasSize(moves);
            assertThat(disputesOf(batch)).hasSize(disputes);
        });

        // The carrier sends invoice number again with other lines: all disputed as duplicate billing, no second bill.
        String again = importFile(HEADER + row(invoice, "2026-03-25", 1, "T5", "2026-03-10", "1000", "1000", "185.00", "37.00",
                "", "222.00"), 202);
        JsonPath report = report(again);
        assertThat(report.getString("invoices[0].status")).isEqualTo("NOTHING_TO_BILL");
        assertThat(report.getString("invoices[0].duplicateOf")).isNotNull();
        assertThat(report.getString("disputes[0].disputeClass")).isEqualTo("DUPLICATE_BILLING");
        assertThat(bills(invoice)).hasSize(1);
    }

    @Test
    void aCarrierSendsItsInvoiceThroughTheApi() {
        String invoice = "API-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("invoiceNumber", invoice, "invoiceDate", "2026-03-20", "currency", "EUR",
                "lines", List.of(Map.of("line", 1, "trackingNumber", "T1", "shipDate", "2026-02-15", "origin", "NL",
                        "destination", "DE", "declaredWeightKg", 1000, "billedWeightKg", 1000, "freight", 185, "fuel",
                        18.5, "total", 203.5)));
        String token = TestTokens.partner(carrier, "invoices:write").sign();
        String batch = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/carrier-invoices")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(report(batch).getString("invoices[0].status")).isEqualTo("BILLED");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/carrier-invoices")
                .then()
                .statusCode(200)
                .body("id", equalTo(batch));
        // Another carrier's invoice, a scope short, or a carrier reading reports: refused.
        Map<String, Object> foreign = new java.util.HashMap<>(body);
        foreign.put("carrier", "Someone-else");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(foreign)
                .post("/api/v1/carrier-invoices")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("carrier"));
        given().auth()
                .oauth2(TestTokens.partner(carrier, "orders:read").sign())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/carrier-invoices")
                .then()
                .statusCode(403);
        given().auth().oauth2(token).get("/api/v1/carrier-invoice-batches/" + batch + "/report").then().statusCode(403);
    }

    @Test
    void aBadFileIsAProblemNamingRowAndColumnAndStoresNothing() {
        given().auth()
                .oauth2(finance)
                .contentType("text/csv")
                .body(HEADER + row("INV-X", "2026-03-20", 1, "T1", "2026-02-15", "1000", "1000", "185.00", "18.50", "",
                        "203.51"))
                .post("/api/v1/carrier-invoice-batches")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("row 2, total"));
        given().auth()
                .oauth2(finance)
                .contentType("text/csv")
                .body("carrier,amount\nX,1\n")
                .post("/api/v1/carrier-invoice-batches")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("row 1"));
        given().auth().oauth2(finance).get("/api/v1/carrier-invoice-batches/" + UUID.randomUUID()).then().statusCode(404);
        given().auth()
                .oauth2(TestTokens.ops("test-operator"))
                .contentType("text/csv")
                .body(HEADER)
                .post("/api/v1/carrier-invoice-batches")
                .then()
                .statusCode(403);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> total(JsonPath report, String outcome, String disputeClass) {
        return report.<Map<String, Object>>getList("totals")
                .stream()
                .filter(total -> outcome.equals(total.get("outcome")) && java.util.Objects.equals(disputeClass,
                        total.get("disputeClass")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no total for " + outcome + " " + disputeClass + " in "
                        + report.prettify()));
    }
}

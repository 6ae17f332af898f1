package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;

import io.portage.contracts.EventCatalog;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A carrier of its own per test with an EUR rate card NL-DE, terms (vendor, fuel surcharges, liftgate) and five labels,
 * and the calls the carrier invoice tests make: the file they import, the batch report they wait for, the Odoo bills and
 * the exceptions they look at.
 */
abstract class CarrierTestFixture {

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
        rateCard("DE", "EUR");
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
        labels("EUR", "200.00", "T1", "T2", "T3", "T4", "T5");
    }

    /** A rate card of this test's carrier from NL (minimum 45, 0.185 per kg, from 2026-01-01). */
    void rateCard(String destination, String currency) {
        given().auth()
                .oauth2(TestTokens.ops("test-operator"))
                .contentType(ContentType.JSON)
                .body(Map.of("carrier", carrier, "originCountry", "NL", "destinationCountry", destination, "currency",
                        currency, "minimumCharge", 45, "pricePerKg", 0.185, "validFrom", "2026-01-01"))
                .post("/api/v1/rate-cards")
                .then()
                .statusCode(201);
    }

    /** LabelGenerated v2 events of this test's carrier, one per tracking number, each costing {@code cost}; their event ids. */
    List<String> labels(String currency, String cost, String... trackingNumbers) {
        List<String> ids = new java.util.ArrayList<>();
        List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
        for (String tracking : trackingNumbers) {
            String shipment = "SHP-" + UUID.randomUUID();
            String json = """
                    {"shipmentId":"%s","carrier":"%s","service":"ROAD","trackingNumber":"%s","labelFormat":"PDF",
                     "parcels":1,"cost":{"amount":"%s","currency":"%s"},"generatedAt":"2026-03-01T08:00:00Z"}"""
                    .formatted(shipment, carrier, tracking, cost, currency);
            String id = UUID.randomUUID().toString();
            ids.add(id);
            records.add(CloudEventRecords.binary(EventCatalog.LABEL_GENERATED_V2.topic(), id,
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
                        .body("findAll { it.currency == '" + currency + "' }.size()", equalTo(trackingNumbers.length)));
        return ids;
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
        return row(invoice, date, "EUR", "DE", line, tracking, shipDate, declared, billed, freight, fuel, accessorials, total);
    }

    String row(String invoice, String date, String currency, String destination, int line, String tracking, String shipDate,
            String declared, String billed,
            String freight, String fuel, String accessorials, String total) {
        return String.join(",", carrier, invoice, date, currency, Integer.toString(line), tracking, shipDate, "NL", destination,
                "ROAD",
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
        await().atMost(WAIT).until(() -> "DONE".equals(status(batch)));
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
        return exceptions("finance.carrier-invoice-dispute", batch);
    }

    /** The open exception items of finance of {@code type} whose payload holds {@code text}. */
    static List<Map<String, Object>> exceptions(String type, String text) {
        return given().auth()
                .oauth2(TestTokens.ops("test-operator"))
                .queryParam("type", type)
                .queryParam("owner", "finance")
                .queryParam("limit", 1000)
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("$")
                .stream()
                .filter(item -> String.valueOf(item.get("payload")).contains(text))
                .toList();
    }

    /** This carrier's confirmed charges of one tracking number (or appointment). */
    JsonPath charges(String trackingNumber) {
        return given().auth()
                .oauth2(finance)
                .queryParam("carrier", carrier)
                .queryParam("trackingNumber", trackingNumber)
                .get("/api/v1/carrier-charges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A batch's status. */
    String status(String batch) {
        return given().auth()
                .oauth2(finance)
                .get("/api/v1/carrier-invoice-batches/" + batch)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

}

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

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A carrier's invoice file audited against its rate card, terms and labels: matched lines billed once in the Odoo
 * stand-in under the carrier's invoice number, overcharged, duplicate, unknown, reweighed and unexpected lines disputed
 * for finance with their evidence; the same file twice, and an invoice number used again, create nothing new.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class CarrierInvoiceAuditTest extends CarrierTestFixture {

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
        // In EUR, booked in the company's USD at Odoo's rate of the bill's date (0.92 from 2026-01-01): 307.07.
        assertThat(bills.get(0)).containsEntry("currency_id", List.of(1, "EUR"));
        assertThat(new BigDecimal(bills.get(0).get("amount_total_signed").toString())).isEqualByComparingTo("-307.07");
        assertThat(new BigDecimal(bills.get(0).get("invoice_currency_rate").toString())).isEqualByComparingTo("0.92");
        given().auth()
                .oauth2(finance)
                .queryParam("odooMoveId", ((Number) bills.get(0).get("id")).longValue())
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .body("[0].amount", equalTo(282.5f))
                .body("[0].currency", equalTo("EUR"))
                .body("[0].companyAmount", equalTo(307.07f))
                .body("[0].companyCurrency", equalTo("USD"))
                .body("[0].exchangeRate", equalTo(0.92f));
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
        // Documents only: the fixture's EUR labels are accrued, and the billed ones reversed, in the background.
        int moves = documents();
        int disputes = disputesOf(batch).size();

        assertThat(importFile(csv, 200)).isEqualTo(batch);
        // The same invoices written differently (spaces, trailing zeros) are the same invoices.
        assertThat(importFile(csv.replace(",1000,1000,185.00,", ", 1000.0 ,1000,185.0,"), 200)).isEqualTo(batch);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> {
            assertThat(documents()).isEqualTo(moves);
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
        // An operator is no carrier: without a partner there is no carrier to bill for.
        given().auth()
                .oauth2(TestTokens.ops("test-operator"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/carrier-invoices")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
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

    @Test
    void theBillsOfABatchArePostedTogetherEachInvoiceOnceAndABillOdooHoldsUnderAnotherTotalFailsAlone() {
        String[] tracking = new String[12];
        StringBuilder csv = new StringBuilder(HEADER);
        String prefix = "PAR-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < tracking.length; i++) {
            tracking[i] = "P" + i;
            csv.append(row(prefix + i, "2026-03-20", 1, tracking[i], "2026-02-15", "1000", "1000", "185.00", "18.50", "",
                    "203.50"));
        }
        // In USD: the fixture's five EUR labels stay apart from these twelve.
        labels("USD", "200.00", tracking);
        // Someone in Odoo already keyed in the carrier's invoice 5, for another amount (Odoo only warns of the ref).
        OdooStandinResource.standin()
                .createAsSuperuser("account.move", Map.of("move_type", "in_invoice", "partner_id", (int) VENDOR, "ref",
                        prefix + 5, "invoice_date", "2026-03-20", "invoice_line_ids", List.of(List.of(0, 0, Map.of(
                                "name", "Freight as keyed in", "quantity", 1, "price_unit", 250.0)))));
        String batch = importFile(csv.toString(), 202);
        JsonPath report = report(batch);
        assertThat(report.getString("invoices.find { it.invoiceNumber == '" + prefix + 5 + "' }.status"))
                .isEqualTo("BILL_FAILED");
        assertThat(report.getString("invoices.find { it.invoiceNumber == '" + prefix + 5 + "' }.billError"))
                .contains("already has bill", "under the same reference is refused");
        assertThat(report.getList("invoices.status")).hasSize(12)
                .filteredOn("BILLED"::equals)
                .hasSize(11);
        for (int i = 0; i < tracking.length; i++) {
            assertThat(bills(prefix + i)).as("bills of invoice %s", prefix + i).hasSize(1);
        }
        assertThat(importFile(csv.toString(), 200)).isEqualTo(batch);
        assertThat(bills(prefix + 0)).hasSize(1);
    }

    /** The Odoo moves that are not journal entries (bills, invoices, credit notes). */
    static int documents() {
        return (int) OdooStandinResource.standin()
                .records("account.move")
                .stream()
                .filter(move -> !"entry".equals(move.get("move_type")))
                .count();
    }
}

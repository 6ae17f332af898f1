package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A label's cost accrued in the Odoo stand-in (expense 600000 to bills to receive 211100), then the carrier's invoice
 * line for it matched and billed, then the accrual reversed through Odoo's reversal wizard, each posting answering why it
 * was posted.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class FreightAccrualTest extends CarrierTestFixture {

    static final int EXPENSES = 4;
    static final int BILLS_TO_RECEIVE = 6;

    static Map<String, Object> move(long id) {
        return OdooStandinResource.standin()
                .records("account.move")
                .stream()
                .filter(move -> ((Number) move.get("id")).longValue() == id)
                .findFirst()
                .orElseThrow();
    }

    /** Debit and credit per account id of a move's lines. */
    static Map<Integer, BigDecimal[]> lines(long moveId) {
        Map<Integer, BigDecimal[]> sums = new java.util.TreeMap<>();
        for (Map<String, Object> line : OdooStandinResource.standin().records("account.move.line")) {
            if (((Number) ((List<?>) line.get("move_id")).get(0)).longValue() != moveId) {
                continue;
            }
            int account = ((Number) ((List<?>) line.get("account_id")).get(0)).intValue();
            BigDecimal[] sum = sums.computeIfAbsent(account, ignored -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(new BigDecimal(line.get("debit").toString()));
            sum[1] = sum[1].add(new BigDecimal(line.get("credit").toString()));
        }
        return sums;
    }

    @Test
    void aLabelIsAccruedThenItsInvoiceLineMatchedAndTheAccrualReversed() {
        rateCard("FR", "USD");
        String event = labels("USD", "185.00", "U1").get(0);

        await().atMost(WAIT).untilAsserted(() -> assertThat(charges("U1").getString("[0].accrualStatus")).isEqualTo("POSTED"));
        long accrual = charges("U1").getLong("[0].accrualMoveId");
        Map<String, Object> entry = move(accrual);
        assertThat(entry).containsEntry("move_type", "entry")
                .containsEntry("state", "posted")
                .containsEntry("ref", charges("U1").getString("[0].accrualRef"));
        assertThat(new BigDecimal(entry.get("amount_total").toString())).isEqualByComparingTo("185.00");
        assertThat(lines(accrual).get(EXPENSES)[0]).isEqualByComparingTo("185.00");
        assertThat(lines(accrual).get(EXPENSES)[1]).isEqualByComparingTo("0");
        assertThat(lines(accrual).get(BILLS_TO_RECEIVE)[0]).isEqualByComparingTo("0");
        assertThat(lines(accrual).get(BILLS_TO_RECEIVE)[1]).isEqualByComparingTo("185.00");
        given().auth()
                .oauth2(finance)
                .queryParam("odooMoveId", accrual)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("ACCRUAL"))
                .body("[0].causedBy.events[0]", equalTo(event))
                .body("[0].correlationId", equalTo("corr-U1"));

        String invoice = "ACC-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String batch = given().auth()
                .oauth2(finance)
                .header("X-Correlation-Id", "day-batch-1")
                .contentType("text/csv")
                .body(HEADER + row(invoice, "2026-03-20", "USD", "FR", 1, "U1", "2026-02-15", "1000", "1000", "185.00",
                        "18.50", "", "203.50"))
                .post("/api/v1/carrier-invoice-batches")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath report = report(batch);
        assertThat(report.getString("invoices[0].status")).isEqualTo("BILLED");
        long bill = report.getLong("invoices[0].odooBillId");

        await().atMost(WAIT).untilAsserted(() -> assertThat(charges("U1").getString("[0].reversalMoveId")).isNotNull());
        long reversal = charges("U1").getLong("[0].reversalMoveId");
        Map<String, Object> reversed = move(reversal);
        assertThat(reversed).containsEntry("state", "posted").containsEntry("move_type", "entry");
        assertThat(String.valueOf(reversed.get("reversed_entry_id"))).startsWith("[" + accrual + ",");
        assertThat(lines(reversal).get(EXPENSES)[1]).isEqualByComparingTo("185.00");
        assertThat(lines(reversal).get(BILLS_TO_RECEIVE)[0]).isEqualByComparingTo("185.00");
        assertThat((List<?>) move(accrual).get("reversal_move_ids")).hasSize(1);
        assertThat(new BigDecimal(move(bill).get("amount_total").toString())).isEqualByComparingTo("203.50");

        given().auth()
                .oauth2(finance)
                .queryParam("odooMoveId", reversal)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("ACCRUAL_REVERSAL"))
                .body("[0].causedBy.events[0]", equalTo(event))
                .body("[0].causedBy.accrualMoveId", equalTo((int) accrual))
                .body("[0].causedBy.carrierInvoice", notNullValue());
        given().auth()
                .oauth2(finance)
                .queryParam("odooMoveId", bill)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("VENDOR_BILL"))
                .body("[0].causedBy.carrierInvoiceBatch", equalTo(batch))
                .body("[0].correlationId", equalTo("day-batch-1"));
        given().auth().oauth2(finance).get("/api/v1/postings").then().statusCode(400);
    }
}

package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.portage.finance.service.FreightAccruals;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Carrier charges and bills in EUR in Odoo's USD company (the stand-in's EUR rates: 0.92 from 2026-01-01, 0.85 from
 * 2026-06-01): accrued in EUR and booked in USD by Odoo, reversed at the accrual's rate, billed at the bill date's rate,
 * each posting showing the USD amount and the rate; a charge in a currency Odoo has no rate of is not posted but raised.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class ForeignCurrencyTest extends CarrierTestFixture {

    /** A move's line on an account: debit, credit and amount in currency, to the cent. */
    static List<String> line(long moveId, int account) {
        for (Map<String, Object> line : OdooStandinResource.standin().records("account.move.line")) {
            if (((Number) ((List<?>) line.get("move_id")).get(0)).longValue() == moveId
                    && ((Number) ((List<?>) line.get("account_id")).get(0)).intValue() == account) {
                return Stream.of("debit", "credit", "amount_currency")
                        .map(field -> new BigDecimal(line.get(field).toString()).setScale(2).toPlainString())
                        .toList();
            }
        }
        throw new AssertionError("move " + moveId + " has no line on account " + account);
    }

    JsonPath postings(long moveId) {
        return given().auth()
                .oauth2(finance)
                .queryParam("odooMoveId", moveId)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anEurLabelIsAccruedInUsdThenBilledAndReversedAtTheAccrualsAmounts() {
        // The fixture's labels: 200.00 EUR each on 2026-03-01, Odoo's rate 0.92: 217.39 USD.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(charges("T1").getString("[0].accrualStatus"))
                        .isEqualTo("POSTED"));
        long accrual = charges("T1").getLong("[0].accrualMoveId");
        assertThat(line(accrual, FreightAccrualTest.EXPENSES)).containsExactly("217.39", "0.00", "200.00");
        assertThat(line(accrual, FreightAccrualTest.BILLS_TO_RECEIVE)).containsExactly("0.00", "217.39", "-200.00");
        JsonPath accrued = postings(accrual);
        assertThat(accrued.getString("[0].kind")).isEqualTo("ACCRUAL");
        assertThat(accrued.getString("[0].currency")).isEqualTo("EUR");
        assertThat(new BigDecimal(accrued.getString("[0].amount"))).isEqualByComparingTo("200.00");
        assertThat(new BigDecimal(accrued.getString("[0].companyAmount"))).isEqualByComparingTo("217.39");
        assertThat(accrued.getString("[0].companyCurrency")).isEqualTo("USD");
        assertThat(new BigDecimal(accrued.getString("[0].exchangeRate"))).isEqualByComparingTo("0.92");
        assertThat(accrued.getString("[0].correlationId")).isEqualTo("corr-T1");

        // Billed on 2026-07-01, when Odoo's rate is 0.85: 203.50 EUR is 239.41 USD.
        String invoice = "FX-" + UUID.randomUUID().toString().substring(0, 8);
        String batch = importFile(HEADER + row(invoice, "2026-07-01", 1, "T1", "2026-02-15", "1000", "1000", "185.00",
                "18.50", "", "203.50"), 202);
        assertThat(report(batch).getString("invoices[0].status")).isEqualTo("BILLED");
        Map<String, Object> bill = bills(invoice).get(0);
        assertThat(new BigDecimal(bill.get("amount_total").toString())).isEqualByComparingTo("203.50");
        assertThat(new BigDecimal(bill.get("amount_total_signed").toString())).isEqualByComparingTo("-239.41");
        JsonPath billed = postings(((Number) bill.get("id")).longValue());
        assertThat(new BigDecimal(billed.getString("[0].companyAmount"))).isEqualByComparingTo("239.41");
        assertThat(new BigDecimal(billed.getString("[0].exchangeRate"))).isEqualByComparingTo("0.85");

        // The reversal mirrors the accrual: 217.39 USD, not 200.00 EUR at today's 0.85 (235.29).
        await().atMost(WAIT).untilAsserted(() -> assertThat(charges("T1").getString("[0].reversalMoveId")).isNotNull());
        long reversal = charges("T1").getLong("[0].reversalMoveId");
        assertThat(line(reversal, FreightAccrualTest.EXPENSES)).containsExactly("0.00", "217.39", "-200.00");
        JsonPath reversed = postings(reversal);
        assertThat(reversed.getString("[0].kind")).isEqualTo("ACCRUAL_REVERSAL");
        assertThat(new BigDecimal(reversed.getString("[0].companyAmount"))).isEqualByComparingTo("217.39");
        assertThat(new BigDecimal(reversed.getString("[0].exchangeRate"))).isEqualByComparingTo("0.92");
        assertThat(reversed.getString("[0].causedBy.events[0]")).isNotBlank();
    }

    @Test
    void aChargeInACurrencyOdooHasNoRateOfIsRaisedNotPostedAtOneToOne() {
        // Odoo would convert a currency without rates at 1:1 without a word.
        boolean known = OdooStandinResource.standin()
                .records("res.currency")
                .stream()
                .anyMatch(currency -> "CHF".equals(currency.get("name")));
        if (!known) {
            OdooStandinResource.standin().createAsSuperuser("res.currency", Map.of("name", "CHF", "symbol", "CHF"));
        }
        String event = labels("CHF", "50.00", "C1").get(0);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(charges("C1").getString("[0].accrualStatus"))
                        .isEqualTo("NOT_ACCRUED"));
        assertThat(charges("C1").getString("[0].accrualError")).isEqualTo("no exchange rate for CHF on 2026-03-01 in Odoo");
        assertThat(charges("C1").getString("[0].accrualMoveId")).isNull();
        String ref = charges("C1").getString("[0].accrualRef");
        assertThat(OdooStandinResource.standin().records("account.move")).noneMatch(move -> ref != null && ref.equals(move
                .get("ref")));
        List<Map<String, Object>> raised = exceptions(FreightAccruals.NOT_ACCRUED, event);
        assertThat(raised).singleElement()
                .satisfies(item -> assertThat(String.valueOf(item.get("summary"))).contains(
                        "no exchange rate for CHF on 2026-03-01 in Odoo"));
        String item = raised.get(0).get("id").toString();

        // Finance retries before adding the rate: refused, the item stays open.
        given().auth()
                .oauth2(finance)
                .contentType("application/json")
                .body("{}")
                .post("/ops/exceptions/" + item + "/retry")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        // The rate added in Odoo (0.90 CHF for a dollar from 2026-02-01), the retry accrues it: 50.00 CHF is 55.56 USD.
        int chf = OdooStandinResource.standin()
                .records("res.currency")
                .stream()
                .filter(currency -> "CHF".equals(currency.get("name")))
                .map(currency -> ((Number) currency.get("id")).intValue())
                .findFirst()
                .orElseThrow();
        OdooStandinResource.standin()
                .createAsSuperuser("res.currency.rate", Map.of("name", "2026-02-01", "rate", 0.90,
                        "currency_id", chf, "company_id", 1));
        given().auth()
                .oauth2(finance)
                .contentType("application/json")
                .body("{}")
                .post("/ops/exceptions/" + item + "/retry")
                .then()
                .statusCode(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(charges("C1").getString("[0].accrualStatus")).isEqualTo("POSTED"));
        long accrual = charges("C1").getLong("[0].accrualMoveId");
        assertThat(line(accrual, FreightAccrualTest.EXPENSES)).containsExactly("55.56", "0.00", "50.00");
    }

    @Test
    void aBillInACurrencyOdooHasNoRateOfOnItsDateIsNotPosted() {
        // Before 2026-01-01 Odoo has no EUR rate: it would take its oldest (0.92) without a word.
        String invoice = "FX-OLD-" + UUID.randomUUID().toString().substring(0, 8);
        String batch = importFile(HEADER + row(invoice, "2025-12-20", 1, "T2", "2026-02-15", "1000", "1000", "185.00",
                "18.50", "", "203.50"), 202);
        JsonPath report = report(batch);
        assertThat(report.getString("invoices[0].status")).isEqualTo("BILL_FAILED");
        assertThat(bills(invoice)).isEmpty();
        assertThat(report.getString("invoices[0].billError")).isEqualTo("no exchange rate for EUR on 2025-12-20 in Odoo");
        given().auth()
                .oauth2(finance)
                .get("/api/v1/postings")
                .then()
                .statusCode(400)
                .body("violations[0].field",
                        equalTo("odooMoveId"));
    }
}

package io.portage.odoo.connector;

import static io.portage.odoo.connector.OrderFlowTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.error.OdooMissingException;
import io.portage.odoo.connector.ops.BookedAmounts;
import io.portage.odoo.connector.ops.ExchangeRate;
import io.portage.odoo.connector.ops.MoveLine;
import io.portage.odoo.connector.ops.MoveRequest;
import io.portage.odoo.connector.ops.MoveResult;
import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Currencies by ISO code, the company's currency, Odoo's rate of a date (and when Odoo has none) and what a move in EUR
 * booked in USD, on 17.0 and 18.0 over JSON-RPC and 19.0 over JSON-2. The stand-in's EUR rates: 0.92 from 2026-01-01,
 * 0.85 from 2026-06-01.
 */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class CurrencyOperationsTest {

    @Inject
    OdooConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    OwnStandin odoo;

    @AfterEach
    void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }

    private <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private void start(String version, String protocol) {
        odoo = new OwnStandin(OdooStandin.builder().version(version), config, vertx, mapper, OdooConfig.Protocol
                .valueOf(protocol));
    }

    @ParameterizedTest
    @CsvSource({"17.0, JSON_RPC", "18.0, JSON_RPC", "19.0, JSON_2"})
    void currenciesAndTheCompanysCurrencyAreReadByIsoCode(String version, String protocol) {
        start(version, protocol);
        assertThat(await(odoo.ops.currencies().companyCurrency(1)).code()).isEqualTo("USD");
        assertThat(await(odoo.ops.currencies().currency("EUR")).active()).isTrue();
        assertThat(await(odoo.ops.currencies().currency("GBP")))
                .satisfies(gbp -> assertThat(gbp.active()).as("archived, found and reported so").isFalse());
        assertThat(catchThrowable(() -> await(odoo.ops.currencies().currency("XXX"))))
                .isInstanceOf(OdooMissingException.class)
                .hasMessageContaining("res.currency XXX");
    }

    @ParameterizedTest
    @CsvSource({"17.0, JSON_RPC", "18.0, JSON_RPC", "19.0, JSON_2"})
    void odoosRateOfADateTellsADatedRateFromItsFallbacks(String version, String protocol) {
        start(version, protocol);
        ExchangeRate march = await(odoo.ops.currencies().rate("EUR", LocalDate.of(2026, 3, 15), 1));
        assertThat(march.rate()).isEqualByComparingTo("0.92");
        assertThat(march.rateDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(march.known()).isTrue();
        assertThat(await(odoo.ops.currencies().rate("EUR", LocalDate.of(2026, 6, 1), 1)).rate())
                .isEqualByComparingTo("0.85");
        ExchangeRate before = await(odoo.ops.currencies().rate("EUR", LocalDate.of(2025, 12, 31), 1));
        assertThat(before.source()).isEqualTo(ExchangeRate.Source.OLDEST);
        assertThat(before.rate()).as("Odoo takes the oldest rate").isEqualByComparingTo("0.92");
        assertThat(before.known()).isFalse();
        odoo.standin.createAsSuperuser("res.currency", Map.of("name", "CHF", "symbol", "CHF"));
        ExchangeRate none = await(odoo.ops.currencies().rate("CHF", LocalDate.of(2026, 3, 15), 1));
        assertThat(none.source()).isEqualTo(ExchangeRate.Source.NONE);
        assertThat(none.rate()).as("Odoo would convert 1:1").isEqualByComparingTo("1");
        assertThat(none.known()).isFalse();
        assertThat(await(odoo.ops.currencies().rate("USD", LocalDate.of(2026, 3, 15), 1)).source())
                .isEqualTo(ExchangeRate.Source.COMPANY_CURRENCY);
    }

    @ParameterizedTest
    @CsvSource({"17.0, JSON_RPC", "18.0, JSON_RPC", "19.0, JSON_2"})
    void anEntryAndABillInEurAreBookedInUsdAtOdoosRate(String version, String protocol) {
        start(version, protocol);
        MoveResult entry = await(odoo.ops.accounting()
                .postEntryByCodes("ACCR-EUR-1", LocalDate.of(2026, 7, 1), "Freight", new BigDecimal("170.00"), "EUR",
                        "600000", "211100"));
        BookedAmounts accrued = await(odoo.ops.currencies().booked(entry.id(), 1));
        assertThat(accrued.currency()).isEqualTo("EUR");
        assertThat(accrued.amount()).isEqualByComparingTo("170.00");
        assertThat(accrued.companyCurrency()).isEqualTo("USD");
        assertThat(accrued.companyAmount()).as("170 / 0.85").isEqualByComparingTo("200.00");
        assertThat(accrued.rate()).isEqualByComparingTo("0.85");

        MoveResult bill = await(odoo.ops.accounting()
                .postVendorBill(MoveRequest.vendorBill("DHL-EUR-1", 4, LocalDate.of(2026, 3, 15), List.of(MoveLine
                        .label("Linehaul", BigDecimal.ONE, new BigDecimal("100.00")))).withCurrency("EUR")));
        assertThat(bill.amountTotal()).as("in the bill's currency").isEqualByComparingTo("100.00");
        BookedAmounts billed = await(odoo.ops.currencies().booked(bill.id(), 1));
        assertThat(billed.companyAmount()).as("100 / 0.92").isEqualByComparingTo("108.70");
        assertThat(billed.rate()).isEqualByComparingTo("0.92");
        assertThat(billed.currency()).isEqualTo("EUR");
    }
}

package io.portage.finance.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.domain.OrderInvoice;
import io.portage.odoo.connector.ops.ExchangeRate;

/** An order's margin parts in two currencies: never added across them, converted at Odoo's rate of each one's day. */
class MarginPartsTest {

    static final Instant INVOICED = Instant.parse("2026-07-02T09:00:00Z");
    static final Instant LABEL = Instant.parse("2026-03-01T08:00:00Z");

    private static MarginParts eurRevenueAndUsdCarrierCost() {
        OrderInvoice order = new OrderInvoice("ORD-1");
        order.invoiced("7", new BigDecimal("100.00"), "EUR", false, INVOICED);
        CarrierCharge label = new CarrierCharge("Swift", "1Z1", "SHP-1", CarrierCharge.Kind.LABEL, new BigDecimal("30.00"),
                "USD", "ev-1", "corr-1", LABEL);
        return MarginParts.of(order, List.of(label), List.of(), List.of());
    }

    @Test
    void eurRevenueAndAUsdCarrierCostAreConvertedToTheCompanyCurrencyAtTheRateOfEachDay() {
        MarginParts parts = eurRevenueAndUsdCarrierCost();
        assertThat(parts.currencies()).containsExactly("EUR", "USD");
        Map<String, ExchangeRate> rates = Map.of(
                "EUR@2026-07-02", new ExchangeRate("EUR", "USD", LocalDate.of(2026, 7, 2), new BigDecimal("0.85"),
                        LocalDate.of(2026, 6, 1), ExchangeRate.Source.DATED),
                "USD@2026-03-01", new ExchangeRate("USD", "USD", LocalDate.of(2026, 3, 1), BigDecimal.ONE, null,
                        ExchangeRate.Source.COMPANY_CURRENCY));

        Margins.Margin margin = parts.converted("USD", rates);

        assertThat(margin.currency()).isEqualTo("USD");
        assertThat(margin.revenue()).as("100 EUR / 0.85").isEqualByComparingTo("117.65");
        assertThat(margin.carrierCost()).isEqualByComparingTo("30.00");
        assertThat(margin.margin()).isEqualByComparingTo("87.65");
        assertThat(margin.conversions()).extracting(Margins.Conversion::part, Margins.Conversion::currency,
                Margins.Conversion::rate)
                .containsExactly(tuple("revenue", "EUR", new BigDecimal("0.85")),
                        tuple("carrierCost", "USD", BigDecimal.ONE));
        assertThat(margin.notConverted()).isNull();
    }

    @Test
    void withoutARateTheMarginStaysInTheRevenueCurrencyAndTheOtherCostIsListedApart() {
        Margins.Margin margin = eurRevenueAndUsdCarrierCost().inRevenueCurrency("no exchange rate for EUR on "
                + "2026-07-02 in Odoo");

        assertThat(margin.currency()).isEqualTo("EUR");
        assertThat(margin.carrierCost()).as("nothing added across currencies").isEqualByComparingTo("0");
        assertThat(margin.carrierCostInOtherCurrencies()).containsOnlyKeys("USD");
        assertThat(margin.carrierCostInOtherCurrencies().get("USD")).isEqualByComparingTo("30.00");
        assertThat(margin.notConverted()).contains("no exchange rate for EUR");
    }
}

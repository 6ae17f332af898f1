package io.portage.finance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class TariffTest {

    private final Tariff eur = new Tariff(Currency.getInstance("EUR"), new BigDecimal("45.00"), new BigDecimal("0.1850"));

    @Test
    void chargesByWeightAboveTheMinimum() {
        assertThat(eur.charge(new BigDecimal("1000"))).isEqualByComparingTo("185.00");
        assertThat(eur.charge(new BigDecimal("333.3"))).isEqualByComparingTo("61.66");
    }

    @Test
    void neverChargesLessThanTheMinimum() {
        assertThat(eur.charge(new BigDecimal("12"))).isEqualByComparingTo("45.00");
        assertThat(eur.charge(new BigDecimal("243.24"))).isEqualByComparingTo("45.00");
    }

    @Test
    void roundsHalfUpToTheCurrencysMinorUnit() {
        Tariff yen = new Tariff(Currency.getInstance("JPY"), BigDecimal.ZERO, new BigDecimal("12.5"));
        assertThat(yen.charge(new BigDecimal("3"))).isEqualByComparingTo("38");
        assertThat(yen.charge(new BigDecimal("5"))).as("62.5 rounds half-up, not half-even").isEqualByComparingTo("63");
        assertThat(eur.charge(new BigDecimal("250.3"))).isEqualByComparingTo("46.31");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> eur.charge(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tariff(Currency.getInstance("EUR"), BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lane("NLD", "DE")).isInstanceOf(IllegalArgumentException.class);
    }
}

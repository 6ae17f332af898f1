package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A rate finance used, as Odoo gave it: units of {@code currency} for one unit of the company currency on
 * {@code rateDate} (Odoo's rate for {@code onDay}), kept so a conversion is explained later even if Odoo's rates change.
 */
@Entity
@Table(name = "exchange_rate")
public class ExchangeRateUsed {

    /** Where the rate comes from. */
    public static final String SOURCE_ODOO = "odoo";

    @Id
    private UUID id;
    private String currency;
    @Column(name = "company_currency")
    private String companyCurrency;
    @Column(name = "on_day")
    private LocalDate onDay;
    @Column(name = "rate_date")
    private LocalDate rateDate;
    private BigDecimal rate;
    private String source;
    @Column(name = "used_at")
    private Instant usedAt;

    protected ExchangeRateUsed() {
    }

    public ExchangeRateUsed(String currency, String companyCurrency, LocalDate onDay, LocalDate rateDate,
            BigDecimal rate, Instant now) {
        this.id = UUID.randomUUID();
        this.currency = currency;
        this.companyCurrency = companyCurrency;
        this.onDay = onDay;
        this.rateDate = rateDate;
        this.rate = rate;
        this.source = SOURCE_ODOO;
        this.usedAt = now;
    }

    public String currency() {
        return currency;
    }

    public String companyCurrency() {
        return companyCurrency;
    }

    public LocalDate onDay() {
        return onDay;
    }

    public LocalDate rateDate() {
        return rateDate;
    }

    public BigDecimal rate() {
        return rate;
    }

    public String source() {
        return source;
    }

    public Instant usedAt() {
        return usedAt;
    }
}

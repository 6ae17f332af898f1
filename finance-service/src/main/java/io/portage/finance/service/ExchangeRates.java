package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.client.CurrencyClient;
import io.portage.finance.config.FinanceOdooConfig;
import io.portage.finance.domain.ExchangeRateUsed;
import io.portage.finance.domain.Posting;
import io.portage.finance.repository.ExchangeRateRepository;
import io.portage.odoo.connector.ops.BookedAmounts;
import io.portage.odoo.connector.ops.ExchangeRate;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The company's currency and Odoo's exchange rates as finance uses them: the currency read from Odoo's company
 * ({@code portage.finance.odoo.company-id}), a rate checked before anything is posted or converted in another currency
 * (Odoo's own fallbacks, its oldest rate or 1:1, are refused), the rates used kept in the schema, and what Odoo booked.
 */
@ApplicationScoped
public class ExchangeRates {

    private final CurrencyClient odoo;
    private final ExchangeRateRepository rates;
    private final FinanceOdooConfig config;
    private final Clock clock = Clock.systemUTC();
    private volatile String companyCurrency;

    public ExchangeRates(CurrencyClient odoo, ExchangeRateRepository rates, FinanceOdooConfig config) {
        this.odoo = odoo;
        this.rates = rates;
        this.config = config;
    }

    /** The ISO code of the Odoo company's currency, read from Odoo once (again after a failed read). */
    public Uni<String> companyCurrency() {
        String known = companyCurrency;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return odoo.companyCurrency(config.companyId()).invoke(code -> companyCurrency = code);
    }

    /**
     * Odoo's rate from the company currency to {@code currency} on {@code day} (1 for the company currency); a
     * {@link NoExchangeRateException} when Odoo holds no rate of the currency dated on or before the day.
     */
    public Uni<ExchangeRate> check(String currency, LocalDate day) {
        return companyCurrency().chain(company -> company.equals(currency)
                ? Uni.createFrom()
                        .item(new ExchangeRate(currency, company, day, BigDecimal.ONE, null,
                                ExchangeRate.Source.COMPANY_CURRENCY))
                : odoo.rate(currency, day, config.companyId()).invoke(rate -> {
                    if (!rate.known()) {
                        throw new NoExchangeRateException(currency, day);
                    }
                }));
    }

    /** Keeps a rate of another currency than the company's (in the caller's transaction). */
    public Uni<Void> remember(ExchangeRate rate) {
        if (rate.source() != ExchangeRate.Source.DATED) {
            return Uni.createFrom().voidItem();
        }
        return rates.remember(new ExchangeRateUsed(rate.currency(), rate.companyCurrency(), rate.date(),
                rate.rateDate(), rate.rate(), clock.instant()));
    }

    /** What a posted move booked in the company currency, read back from its lines. */
    public Uni<BookedAmounts> booked(long moveId) {
        return odoo.booked(moveId, config.companyId());
    }

    /**
     * {@link #booked}, or null when Odoo does not answer: for a document already posted, whose posting is then recorded
     * without company amounts rather than not at all.
     */
    public Uni<BookedAmounts> bookedOrUnknown(long moveId) {
        return booked(moveId).onFailure().recoverWithItem(failure -> {
            Log.warnf("What Odoo booked for move %d is not known: %s", moveId, failure.getMessage());
            return null;
        });
    }

    /**
     * What many posted moves booked, by move id; none when Odoo does not answer (the postings are then recorded without
     * company amounts, as with {@link #bookedOrUnknown(long)}).
     */
    public Uni<Map<Long, BookedAmounts>> bookedOrUnknown(List<Long> moveIds) {
        if (moveIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return odoo.booked(moveIds, config.companyId()).onFailure().recoverWithItem(failure -> {
            Log.warnf("What Odoo booked for moves %s is not known: %s", moveIds, failure.getMessage());
            return Map.of();
        });
    }

    /** The posting with what Odoo booked for it in the company currency and the rate (unchanged when unknown). */
    public static Posting withBooking(Posting posting, BookedAmounts booked) {
        return booked == null
                ? posting
                : posting.inCompanyCurrency(booked.companyCurrency(), booked.companyAmount(), booked.rate());
    }
}

package io.portage.finance.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.ExchangeRateUsed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The rates finance used, in the {@code finance} schema: one row per currency, day and rate Odoo gave. */
@ApplicationScoped
public class ExchangeRateRepository implements PanacheRepositoryBase<ExchangeRateUsed, UUID> {

    /**
     * Keeps the rate (in the caller's transaction) unless the same rate of that day is kept already, also when another
     * transaction keeps it at the same time.
     */
    public Uni<Void> remember(ExchangeRateUsed rate) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into {h-schema}exchange_rate
                            (id, currency, company_currency, on_day, rate_date, rate, source, used_at)
                        values (:id, :currency, :company, :day, :rateDate, :rate, :source, :now)
                        on conflict (currency, company_currency, on_day, rate) do nothing""")
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("currency", rate.currency())
                        .setParameter("company", rate.companyCurrency())
                        .setParameter("day", rate.onDay())
                        .setParameter("rateDate", rate.rateDate())
                        .setParameter("rate", rate.rate())
                        .setParameter("source", rate.source())
                        .setParameter("now", rate.usedAt())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The rates used for a currency on a day, as Odoo gave them over time. */
    public Uni<List<ExchangeRateUsed>> of(String currency, LocalDate day) {
        return list("currency = ?1 and onDay = ?2 order by usedAt", currency, day);
    }
}

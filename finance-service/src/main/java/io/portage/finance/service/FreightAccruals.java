package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.client.AccrualClient;
import io.portage.finance.config.AccrualConfig;
import io.portage.finance.config.AuditConfig;
import io.portage.finance.config.FinanceOdooConfig;
import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.domain.Posting;
import io.portage.finance.repository.CarrierChargeRepository;
import io.portage.finance.repository.PostingRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.odoo.connector.ops.BookedAmounts;
import io.portage.odoo.connector.ops.ExchangeRate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Accrues each confirmed carrier charge in Odoo (debit the expense account, credit bills to receive, both by code from
 * {@code portage.finance.accrual.*}; ref = the shipment or appointment and the charge), in the charge's currency once
 * Odoo holds a rate for it on the charge's day (Odoo converts to the company currency), and reverses the accrual the
 * Odoo way once the carrier's invoice line for it is billed. Each posting is recorded with the event that caused it and
 * what Odoo booked in the company currency; a failed call is tried again at the next run (Odoo is asked by ref first, so
 * nothing is posted twice).
 */
@ApplicationScoped
public class FreightAccruals {

    /** The exception type of a charge not accrued (Odoo has no rate of its currency on or before its day). */
    public static final String NOT_ACCRUED = "finance.accrual-not-posted";

    private final CarrierChargeRepository charges;
    private final PostingRepository postings;
    private final AccrualClient odoo;
    private final ExceptionQueue exceptions;
    private final AccrualConfig config;
    private final AuditConfig audit;
    private final FinanceJson json;
    private final FinanceOdooConfig writes;
    private final ExchangeRates rates;
    private final Clock clock = Clock.systemUTC();

    public FreightAccruals(CarrierChargeRepository charges, PostingRepository postings, AccrualClient odoo,
            ExceptionQueue exceptions, AccrualConfig config, AuditConfig audit, FinanceJson json, FinanceOdooConfig writes,
            ExchangeRates rates) {
        this.writes = writes;
        this.rates = rates;
        this.charges = charges;
        this.postings = postings;
        this.odoo = odoo;
        this.exceptions = exceptions;
        this.config = config;
        this.audit = audit;
        this.json = json;
    }

    @Scheduled(every = "${portage.finance.accrual.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        if (!writes.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> charges.accrualWork(100)).chain(work -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CarrierCharge charge : work) {
                chain = chain.chain(() -> step(charge).onFailure().recoverWithUni(failure -> {
                    Log.warnf("Accrual of %s not done yet: %s", charge.accrualRef(), failure.getMessage());
                    return Panache.withTransaction(() -> charges.findById(charge.id())
                            .invoke(row -> row.accrualFailed(String.valueOf(failure.getMessage())))).replaceWithVoid();
                }));
            }
            return chain;
        });
    }

    private Uni<Void> step(CarrierCharge charge) {
        if (charge.accrualStatus() == CarrierCharge.AccrualStatus.POSTED) {
            return reverse(charge);
        }
        LocalDate day = LocalDate.ofInstant(charge.confirmedAt(), ZoneOffset.UTC);
        return rates.check(charge.currency(), day).onItemOrFailure().transformToUni((rate, failure) -> {
            if (failure instanceof NoExchangeRateException) {
                return notAccrued(charge, failure.getMessage());
            }
            return failure != null ? Uni.createFrom().failure(failure) : accrue(charge, day, rate);
        });
    }

    private Uni<Void> notAccrued(CarrierCharge charge, String reason) {
        return Panache.withTransaction(() -> charges.findById(charge.id()).chain(row -> {
            row.notAccrued(reason);
            return exceptions.raise(NOT_ACCRUED, audit.ownerRole(), "carrier-charge:" + charge.id(), charge.carrier()
                    + " charge " + charge.accrualRef() + " of " + charge.amount().toPlainString() + " "
                    + charge.currency() + " was not accrued: " + reason,
                    json.write(Map.of("chargeId", charge.id().toString(), "eventId", charge.eventId())));
        })).replaceWithVoid();
    }

    private Uni<Void> accrue(CarrierCharge charge, LocalDate day, ExchangeRate rate) {
        boolean foreign = rate.source() != ExchangeRate.Source.COMPANY_CURRENCY;
        String label = charge.is(CarrierCharge.Kind.DETENTION)
                ? "Detention " + charge.carrier() + " appointment " + charge.trackingNumber() + " (visit "
                        + charge.visitId() + ")"
                : charge.is(CarrierCharge.Kind.RETURN_LABEL)
                        ? "Return freight " + charge.carrier() + " " + charge.trackingNumber() + " (shipment "
                                + charge.shipmentId() + ", return " + charge.returnId() + ")"
                        : "Freight " + charge.carrier() + " " + charge.trackingNumber() + " (shipment " + charge.shipmentId()
                                + ")";
        return odoo.accrue(charge.accrualRef(), day, label, charge.amount(), foreign ? charge.currency() : null,
                config.expenseAccount(), config.accruedAccount())
                .chain(move -> rates.booked(move.id())
                        .chain(booked -> Panache.withTransaction(() -> charges
                                .findById(charge.id())
                                .chain(row -> {
                                    row.accrued(move.id());
                                    Posting posting = new Posting(Posting.Kind.ACCRUAL, move.id(), move.name(),
                                            row.accrualRef(),
                                            charge.amount(), charge.currency(), json.write(Map.of("events", List.of(charge
                                                    .eventId()))),
                                            charge.correlationId(), clock.instant());
                                    posting.inCompanyCurrency(booked.companyCurrency(), booked.companyAmount(), rate.rate());
                                    return rates.remember(rate).chain(() -> postings.persist(posting));
                                }))))
                .replaceWithVoid();
    }

    private Uni<Void> reverse(CarrierCharge charge) {
        LocalDate today = LocalDate.now(clock);
        return odoo.reverse(charge.accrualMoveId(), today, "Billed by the carrier (Portage carrier invoice "
                + charge.billedBy() + ")")
                .chain(move -> rates.booked(move.id())
                        .chain(booked -> Panache.withTransaction(() -> charges
                                .findById(charge.id())
                                .chain(row -> {
                                    row.reversed(move.id());
                                    return postings.of(charge.accrualMoveId(), null)
                                            .chain(accrual -> postings.persist(
                                                    reversal(charge, move.id(), move.name(), booked, accrual)));
                                }))))
                .replaceWithVoid();
    }

    /** The reversal's posting: Odoo mirrors the accrual's lines, so it is at the accrual's rate, not today's. */
    private Posting reversal(CarrierCharge charge, long moveId, String moveName, BookedAmounts booked,
            List<Posting> accrual) {
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("events", List.of(charge.eventId()));
        cause.put("carrierInvoice", charge.billedBy().toString());
        cause.put("accrualMoveId", charge.accrualMoveId());
        BigDecimal rate = accrual.stream()
                .map(Posting::exchangeRate)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(booked.rate());
        return new Posting(Posting.Kind.ACCRUAL_REVERSAL, moveId, moveName, charge.accrualRef(), charge.amount(),
                charge.currency(), json.write(cause), charge.correlationId(), clock.instant())
                .inCompanyCurrency(booked.companyCurrency(), booked.companyAmount(), rate);
    }
}

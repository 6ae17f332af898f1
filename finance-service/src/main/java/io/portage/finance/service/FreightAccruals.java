package io.portage.finance.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Accrues each confirmed carrier charge in Odoo (debit the expense account, credit bills to receive, both by code from
 * {@code portage.finance.accrual.*}; ref = the shipment or appointment and the charge) and reverses the accrual the Odoo way once the
 * carrier's invoice line for it is billed. Each posting is recorded with the event that caused it; a failed call is
 * tried again at the next run (Odoo is asked by ref first, so nothing is posted twice).
 */
@ApplicationScoped
public class FreightAccruals {

    /** The exception type of a charge not accrued (its currency is not the company's). */
    public static final String NOT_ACCRUED = "finance.accrual-not-posted";

    private final CarrierChargeRepository charges;
    private final PostingRepository postings;
    private final AccrualClient odoo;
    private final ExceptionQueue exceptions;
    private final AccrualConfig config;
    private final AuditConfig audit;
    private final FinanceJson json;
    private final FinanceOdooConfig writes;
    private final Clock clock = Clock.systemUTC();

    public FreightAccruals(CarrierChargeRepository charges, PostingRepository postings, AccrualClient odoo,
            ExceptionQueue exceptions, AccrualConfig config, AuditConfig audit, FinanceJson json, FinanceOdooConfig writes) {
        this.writes = writes;
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
        if (!config.companyCurrency().equals(charge.currency())) {
            String reason = "the charge is in " + charge.currency() + ", the company's journal entries in "
                    + config.companyCurrency();
            return Panache.withTransaction(() -> charges.findById(charge.id()).chain(row -> {
                row.notAccrued(reason);
                return exceptions.raise(NOT_ACCRUED, audit.ownerRole(), "carrier-charge:" + charge.id(), charge.carrier()
                        + " charge " + charge.accrualRef() + " of " + charge.amount().toPlainString() + " "
                        + charge.currency() + " was not accrued: " + reason,
                        json.write(Map.of("chargeId",
                                charge.id().toString(), "eventId", charge.eventId())));
            })).replaceWithVoid();
        }
        LocalDate day = LocalDate.ofInstant(charge.confirmedAt(), ZoneOffset.UTC);
        String label = charge.is(CarrierCharge.Kind.DETENTION)
                ? "Detention " + charge.carrier() + " appointment " + charge.trackingNumber() + " (visit "
                        + charge.visitId() + ")"
                : charge.is(CarrierCharge.Kind.RETURN_LABEL)
                        ? "Return freight " + charge.carrier() + " " + charge.trackingNumber() + " (shipment "
                                + charge.shipmentId() + ", return " + charge.returnId() + ")"
                        : "Freight " + charge.carrier() + " " + charge.trackingNumber() + " (shipment " + charge.shipmentId()
                                + ")";
        return odoo.accrue(charge.accrualRef(), day, label, charge.amount(), config.expenseAccount(),
                config.accruedAccount())
                .chain(move -> Panache.withTransaction(() -> charges.findById(charge.id()).chain(row -> {
                    row.accrued(move.id());
                    return postings.persist(new Posting(Posting.Kind.ACCRUAL, move.id(), move.name(), row.accrualRef(),
                            charge.amount(), charge.currency(), json.write(Map.of("events", List.of(charge.eventId()))),
                            charge.correlationId(), clock.instant()));
                })))
                .replaceWithVoid();
    }

    private Uni<Void> reverse(CarrierCharge charge) {
        LocalDate today = LocalDate.now(clock);
        return odoo.reverse(charge.accrualMoveId(), today, "Billed by the carrier (Portage carrier invoice "
                + charge.billedBy() + ")")
                .chain(move -> Panache.withTransaction(() -> charges.findById(charge.id()).chain(row -> {
                    row.reversed(move.id());
                    Map<String, Object> cause = new LinkedHashMap<>();
                    cause.put("events", List.of(charge.eventId()));
                    cause.put("carrierInvoice", charge.billedBy().toString());
                    cause.put("accrualMoveId", charge.accrualMoveId());
                    return postings.persist(new Posting(Posting.Kind.ACCRUAL_REVERSAL, move.id(), move.name(),
                            charge.accrualRef(), charge.amount(), charge.currency(), json.write(cause), charge.correlationId(),
                            clock.instant()));
                })))
                .replaceWithVoid();
    }

}

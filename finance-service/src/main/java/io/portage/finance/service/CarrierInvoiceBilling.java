package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.finance.client.VendorBillClient;
import io.portage.finance.config.AuditConfig;
import io.portage.finance.config.FinanceOdooConfig;
import io.portage.finance.domain.AuditBatch;
import io.portage.finance.domain.CarrierInvoice;
import io.portage.finance.domain.CarrierInvoiceLine;
import io.portage.finance.domain.Posting;
import io.portage.finance.repository.AuditBatchRepository;
import io.portage.finance.repository.CarrierChargeRepository;
import io.portage.finance.repository.CarrierInvoiceLineRepository;
import io.portage.finance.repository.CarrierInvoiceRepository;
import io.portage.finance.repository.PostingRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.odoo.connector.ops.BookedAmounts;
import io.portage.odoo.connector.ops.ExchangeRate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Bills an audited batch's invoices in Odoo: one vendor bill per invoice of its matched lines (ref = the carrier's
 * invoice number, the carrier's vendor from its terms), in batches of {@code portage.finance.audit.bill-batch-size}
 * posted in a few Odoo calls each, {@code portage.finance.audit.bill-concurrency} batches at once, never
 * one for an invoice repeating a number; the labels it paid
 * for are marked so {@link FreightAccruals} reverses their accruals, and the bill is recorded with its cause and what
 * Odoo booked in the company currency. An invoice whose bill Odoo refuses, whose carrier has no vendor, or in a currency
 * Odoo has no rate of on the invoice's date (Odoo would convert 1:1), is raised for finance in the exception queue. One
 * runner bills a batch at a time (a claim on the batch, {@code portage.finance.audit.billing-claim}), whichever replica
 * resumes it. With Odoo writes off ({@code portage.finance.odoo.enabled}) a batch waits in BILLING.
 */
@ApplicationScoped
public class CarrierInvoiceBilling {

    /** The exception type of an invoice whose matched lines could not be billed. */
    public static final String BILL_FAILED = "finance.carrier-bill-failed";

    private final AuditBatchRepository batches;
    private final CarrierInvoiceRepository invoices;
    private final CarrierInvoiceLineRepository lines;
    private final CarrierTermsService terms;
    private final VendorBillClient bills;
    private final ExceptionQueue exceptions;
    private final CarrierChargeRepository charges;
    private final PostingRepository postings;
    private final AuditConfig config;
    private final FinanceJson json;
    private final FinanceOdooConfig writes;
    private final ExchangeRates rates;
    private final Clock clock = Clock.systemUTC();

    public CarrierInvoiceBilling(AuditBatchRepository batches, CarrierInvoiceRepository invoices,
            CarrierInvoiceLineRepository lines, CarrierTermsService terms, VendorBillClient bills, ExceptionQueue exceptions,
            CarrierChargeRepository charges, PostingRepository postings, AuditConfig config, FinanceJson json,
            FinanceOdooConfig writes, ExchangeRates rates) {
        this.writes = writes;
        this.rates = rates;
        this.batches = batches;
        this.invoices = invoices;
        this.lines = lines;
        this.terms = terms;
        this.bills = bills;
        this.exceptions = exceptions;
        this.charges = charges;
        this.postings = postings;
        this.config = config;
        this.json = json;
    }

    /** A bill to post: the batch and its correlation id, the invoice, its carrier's vendor (null: none) and matched lines. */
    record Work(UUID batchId, String correlationId, UUID invoiceId, String carrier, String invoiceNumber, LocalDate date,
            String currency, Long vendorId, List<CarrierInvoiceLine> matched) {

        List<VendorBillClient.BillLine> lines() {
            return matched.stream()
                    .map(line -> new VendorBillClient.BillLine(line.lane() == null
                            ? "Carrier charges " + line.trackingNumber()
                            : "Freight " + line.trackingNumber() + " shipped " + line.shipDate() + " (" + line.lane() + ")",
                            line.total()))
                    .toList();
        }
    }

    @WithSpan("CarrierInvoiceBilling.bill")
    public Uni<Void> bill(UUID batchId) {
        if (!writes.enabled()) {
            return Uni.createFrom().voidItem();
        }
        AtomicBoolean claimed = new AtomicBoolean();
        return Panache.withTransaction(() -> batches.findById(batchId).chain(batch -> {
            if (batch == null || !batch.claimBilling(clock.instant(), config.billingClaim())) {
                return Uni.createFrom().item(List.<Work>of());
            }
            claimed.set(true);
            return invoices.ofBatch(batchId).chain(rows -> lines.ofBatch(batchId).chain(all -> work(batch, rows, all)));
        }))
                .onFailure(CarrierInvoiceBilling::claimedBySomeoneElse)
                .recoverWithItem(failure -> {
                    Log.debugf("The billing of batch %s was claimed by another runner at the same moment", batchId);
                    claimed.set(false);
                    return List.of();
                })
                // The batches are posted a few at once. What each did is written as soon as it is posted, one batch
                // after the other (Hibernate Reactive's session serves one call at a time), in a transaction per batch
                // that also renews the claim, so a long run keeps it. Should that fail, the batch stays BILLING and is
                // billed again: Odoo's bills are found by their refs.
                .chain(work -> Multi.createFrom()
                        .iterable(inBatchesOf(work, Math.max(1, config.billBatchSize())))
                        .onItem()
                        .transformToUni(this::post)
                        .merge(Math.max(1, config.billConcurrency()))
                        .onItem()
                        .transformToUniAndConcatenate(outcomes -> record(batchId, outcomes))
                        .collect()
                        .asList())
                .chain(() -> !claimed.get()
                        ? Uni.createFrom().voidItem()
                        : Panache.withTransaction(() -> batches.findById(batchId).invoke(batch -> {
                            if (batch != null && batch.status() == AuditBatch.Status.BILLING) {
                                batch.finish(clock.instant());
                            }
                        })).replaceWithVoid())
                .onFailure()
                .call(() -> !claimed.get()
                        ? Uni.createFrom().voidItem()
                        : Panache.withTransaction(() -> batches.findById(batchId).invoke(batch -> {
                            if (batch != null) {
                                batch.releaseBilling();
                            }
                        })).onFailure().recoverWithNull());
    }

    /** A claim's commit that lost to another runner's (the batch's version moved). */
    private static boolean claimedBySomeoneElse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private Uni<List<Work>> work(AuditBatch batch, List<CarrierInvoice> rows, List<CarrierInvoiceLine> all) {
        Map<UUID, List<CarrierInvoiceLine>> matched = all.stream()
                .filter(line -> line.status() == CarrierInvoiceLine.Status.MATCHED)
                .collect(Collectors.groupingBy(CarrierInvoiceLine::invoiceId));
        List<Work> work = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CarrierInvoice invoice : rows) {
            invoice.audited();
            if (invoice.status() != CarrierInvoice.Status.AUDITED) {
                continue;
            }
            List<CarrierInvoiceLine> paid = matched.getOrDefault(invoice.id(), List.of());
            if (paid.isEmpty() || invoice.duplicateOf() != null) {
                invoice.nothingToBill();
                continue;
            }
            chain = chain.chain(() -> terms.inSession(invoice.carrier())
                    .invoke(carrier -> work.add(new Work(batch.id(), batch.correlationId(), invoice.id(), invoice.carrier(),
                            invoice.invoiceNumber(), invoice.invoiceDate(), invoice.currency(), carrier.odooPartnerId(),
                            paid)))
                    .replaceWithVoid());
        }
        return chain.replaceWith(work);
    }

    /** A bill's fate in Odoo: posted at a rate with what Odoo booked (null: not read), or refused with the reason. */
    private record Outcome(Work work, VendorBillClient.PostedBill bill, ExchangeRate rate, BookedAmounts booked,
            String refused) {
    }

    private static List<List<Work>> inBatchesOf(List<Work> work, int size) {
        List<List<Work>> batches = new ArrayList<>();
        for (int from = 0; from < work.size(); from += size) {
            batches.add(work.subList(from, Math.min(work.size(), from + size)));
        }
        return batches;
    }

    /**
     * Posts a batch of bills in Odoo, a few calls whatever their number (a bill Odoo refuses fails alone), after each
     * currency's rate on each date is checked once; touches no database, so several batches run at once.
     */
    private Uni<List<Outcome>> post(List<Work> batch) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, ExchangeRate> rateOf = new HashMap<>();
        Map<String, String> noRate = new HashMap<>();
        Uni<Void> checked = Uni.createFrom().voidItem();
        for (Work work : batch) {
            String key = work.currency() + "@" + work.date();
            if (work.vendorId() == null || rateOf.containsKey(key) || noRate.containsKey(key)) {
                continue;
            }
            noRate.put(key, "not checked");
            checked = checked.chain(() -> rates.check(work.currency(), work.date())
                    .invoke(rate -> {
                        noRate.remove(key);
                        rateOf.put(key, rate);
                    })
                    .onFailure()
                    .recoverWithItem(failure -> {
                        noRate.put(key, String.valueOf(failure.getMessage()));
                        return null;
                    })
                    .replaceWithVoid());
        }
        return checked.chain(() -> {
            List<Work> billable = new ArrayList<>();
            for (Work work : batch) {
                String key = work.currency() + "@" + work.date();
                if (work.vendorId() == null) {
                    outcomes.add(refused(work, work.carrier() + " has no Odoo vendor in its terms (odooPartnerId)"));
                } else if (noRate.containsKey(key)) {
                    outcomes.add(refused(work, noRate.get(key)));
                } else {
                    billable.add(work);
                }
            }
            if (billable.isEmpty()) {
                return Uni.createFrom().item(outcomes);
            }
            return bills.postAll(billable.stream()
                    .map(work -> new VendorBillClient.Bill(work.vendorId(), work.invoiceNumber(), work.date(),
                            work.currency(), work.lines()))
                    .toList())
                    .chain(results -> rates.bookedOrUnknown(results.stream()
                            .filter(result -> result.bill() != null)
                            .map(result -> result.bill().id())
                            .toList()).map(booked -> {
                                for (int i = 0; i < billable.size(); i++) {
                                    Work work = billable.get(i);
                                    VendorBillClient.Result result = results.get(i);
                                    outcomes.add(result.bill() == null
                                            ? refused(work, result.refusal())
                                            : new Outcome(work, result.bill(), rateOf.get(work.currency() + "@"
                                                    + work.date()), booked.get(result.bill().id()), null));
                                }
                                return outcomes;
                            }))
                    .onFailure()
                    .recoverWithItem(failure -> {
                        billable.forEach(work -> outcomes.add(refused(work, String.valueOf(failure.getMessage()))));
                        return outcomes;
                    });
        });
    }

    private static Outcome refused(Work work, String reason) {
        Log.warnf("The bill of %s invoice %s was refused: %s", work.carrier(), work.invoiceNumber(), reason);
        return new Outcome(work, null, null, null, reason);
    }

    /** Writes what a batch of bills did, and renews the batch's billing claim, in one transaction. */
    private Uni<Void> record(UUID batchId, List<Outcome> outcomes) {
        return Panache.withTransaction(() -> {
            Uni<Void> writes = batches.findById(batchId)
                    .invoke(batch -> batch.renewBilling(clock.instant(), config.billingClaim()))
                    .replaceWithVoid();
            for (Outcome outcome : outcomes) {
                writes = writes.chain(() -> record(outcome));
            }
            return writes;
        });
    }

    /** Writes what a bill did (in the caller's transaction). */
    private Uni<Void> record(Outcome outcome) {
        Work work = outcome.work();
        if (outcome.bill() == null) {
            return failed(work, outcome.refused());
        }
        return invoices.findById(work.invoiceId()).chain(invoice -> {
            invoice.billed(outcome.bill().id(), outcome.bill().name());
            return rates.remember(outcome.rate()).chain(() -> billed(work, outcome.bill(), outcome.booked()));
        });
    }

    /** Marks the labels the bill paid for (their accruals are then reversed) and records why the bill was posted. */
    private Uni<Void> billed(Work work, VendorBillClient.PostedBill bill, BookedAmounts booked) {
        List<String> tracking = work.matched().stream().map(CarrierInvoiceLine::trackingNumber).toList();
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("carrierInvoiceBatch", work.batchId().toString());
        cause.put("carrierInvoice", work.invoiceId().toString());
        cause.put("lines", work.matched().stream().map(line -> line.id().toString()).toList());
        BigDecimal total = work.matched().stream().map(CarrierInvoiceLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return charges.markBilled(work.carrier(), tracking, work.invoiceId())
                .chain(() -> postings
                        .persist(ExchangeRates.withBooking(new Posting(Posting.Kind.VENDOR_BILL, bill.id(), bill.name(),
                                work.invoiceNumber(), total, work.currency(), json.write(cause), work.correlationId(),
                                clock.instant()), booked)))
                .replaceWithVoid();
    }

    private Uni<Void> failed(Work work, String reason) {
        return invoices.findById(work.invoiceId()).chain(invoice -> {
            invoice.billFailed(reason);
            return exceptions.raise(BILL_FAILED, config.ownerRole(), "carrier-invoice:" + work.invoiceId(),
                    work.carrier() + " invoice " + work.invoiceNumber() + " was not billed: " + reason,
                    json.write(Map.of("invoiceId", work.invoiceId().toString())));
        }).replaceWithVoid();
    }

}

package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

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
 * invoice number, the carrier's vendor from its terms), {@code portage.finance.audit.bill-concurrency} at once, never
 * one for an invoice repeating a number; the labels it paid
 * for are marked so {@link FreightAccruals} reverses their accruals, and the bill is recorded with its cause and what
 * Odoo booked in the company currency. An invoice whose bill Odoo refuses, whose carrier has no vendor, or in a currency
 * Odoo has no rate of on the invoice's date (Odoo would convert 1:1), is raised for finance in the exception queue. With Odoo
 * writes off ({@code portage.finance.odoo.enabled}) a batch waits in BILLING.
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
        return Panache.withTransaction(() -> batches.findById(batchId).chain(batch -> {
            if (batch == null || batch.status() != AuditBatch.Status.BILLING) {
                return Uni.createFrom().item(List.<Work>of());
            }
            return invoices.ofBatch(batchId).chain(rows -> lines.ofBatch(batchId).chain(all -> work(batch, rows, all)));
        }))
                .chain(work -> Multi.createFrom()
                        .iterable(work)
                        .onItem()
                        .transformToUni(this::post)
                        .merge(Math.max(1, config.billConcurrency()))
                        .collect()
                        .asList())
                .chain(outcomes -> {
                    // The bills are posted a few at a time; what they did is written one after the other, each in its
                    // own transaction, as Hibernate Reactive's session serves one call at a time.
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Outcome outcome : outcomes) {
                        chain = chain.chain(() -> record(outcome));
                    }
                    return chain;
                })
                .chain(() -> Panache.withTransaction(() -> batches.findById(batchId).invoke(batch -> {
                    if (batch != null && batch.status() == AuditBatch.Status.BILLING) {
                        batch.finish(clock.instant());
                    }
                })))
                .replaceWithVoid();
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

    /** Posts one bill in Odoo; touches no database, so several run at once. */
    private Uni<Outcome> post(Work work) {
        if (work.vendorId() == null) {
            return Uni.createFrom()
                    .item(new Outcome(work, null, null, null, work.carrier()
                            + " has no Odoo vendor in its terms (odooPartnerId)"));
        }
        return rates.check(work.currency(), work.date())
                .chain(rate -> bills.post(work.vendorId(), work.invoiceNumber(), work.date(), work.currency(),
                        work.lines())
                        .chain(bill -> rates.bookedOrUnknown(bill.id())
                                .map(booked -> new Outcome(work, bill, rate, booked, null))))
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf("The bill of %s invoice %s was refused: %s", work.carrier(), work.invoiceNumber(),
                            failure.getMessage());
                    return new Outcome(work, null, null, null, String.valueOf(failure.getMessage()));
                });
    }

    private Uni<Void> record(Outcome outcome) {
        Work work = outcome.work();
        if (outcome.bill() == null) {
            return failed(work, outcome.refused());
        }
        return Panache.withTransaction(() -> invoices.findById(work.invoiceId()).chain(invoice -> {
            invoice.billed(outcome.bill().id(), outcome.bill().name());
            return rates.remember(outcome.rate()).chain(() -> billed(work, outcome.bill(), outcome.booked()));
        }));
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
        return Panache.withTransaction(() -> invoices.findById(work.invoiceId()).chain(invoice -> {
            invoice.billFailed(reason);
            return exceptions.raise(BILL_FAILED, config.ownerRole(), "carrier-invoice:" + work.invoiceId(),
                    work.carrier() + " invoice " + work.invoiceNumber() + " was not billed: " + reason,
                    json.write(Map.of("invoiceId", work.invoiceId().toString())));
        })).replaceWithVoid();
    }

}

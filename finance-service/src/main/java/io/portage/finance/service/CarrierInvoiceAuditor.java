package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.FlushMode;

import com.fasterxml.jackson.core.type.TypeReference;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.finance.config.AuditConfig;
import io.portage.finance.domain.AuditBatch;
import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.domain.CarrierInvoice;
import io.portage.finance.domain.CarrierInvoiceLine;
import io.portage.finance.domain.InvoiceLine;
import io.portage.finance.domain.Lane;
import io.portage.finance.domain.LineAudit;
import io.portage.finance.domain.RateCard;
import io.portage.finance.domain.Tariff;
import io.portage.finance.domain.Verdict;
import io.portage.finance.repository.AuditBatchRepository;
import io.portage.finance.repository.CarrierChargeRepository;
import io.portage.finance.repository.CarrierInvoiceLineRepository;
import io.portage.finance.repository.CarrierInvoiceRepository;
import io.portage.finance.repository.RateCardRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Audits the carrier invoice batches not done, oldest first: their pending lines in chunks of
 * {@code portage.finance.audit.chunk-size}, one transaction each (a restart resumes at the first pending line), each
 * line's verdict from {@link LineAudit} and a disputed line raised for finance in the exception queue; then
 * {@link CarrierInvoiceBilling} bills each invoice's matched lines in Odoo.
 */
@ApplicationScoped
public class CarrierInvoiceAuditor {

    /** The exception type of a disputed carrier invoice line. */
    public static final String DISPUTE = "finance.carrier-invoice-dispute";
    private static final TypeReference<Map<String, BigDecimal>> AMOUNTS = new TypeReference<>() {
    };

    private final AuditBatchRepository batches;
    private final CarrierInvoiceRepository invoices;
    private final CarrierInvoiceLineRepository lines;
    private final CarrierChargeRepository charges;
    private final RateCardRepository rateCards;
    private final CarrierTermsService terms;
    private final CarrierInvoiceBilling billing;
    private final ExceptionQueue exceptions;
    private final AuditConfig config;
    private final FinanceJson json;
    private final Vertx vertx;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Clock clock = Clock.systemUTC();

    public CarrierInvoiceAuditor(AuditBatchRepository batches, CarrierInvoiceRepository invoices,
            CarrierInvoiceLineRepository lines, CarrierChargeRepository charges, RateCardRepository rateCards,
            CarrierTermsService terms, CarrierInvoiceBilling billing, ExceptionQueue exceptions, AuditConfig config,
            FinanceJson json, Vertx vertx) {
        this.vertx = vertx;
        this.batches = batches;
        this.invoices = invoices;
        this.lines = lines;
        this.charges = charges;
        this.rateCards = rateCards;
        this.terms = terms;
        this.billing = billing;
        this.exceptions = exceptions;
        this.config = config;
        this.json = json;
    }

    @Scheduled(every = "${portage.finance.audit.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resume() {
        return Panache.withSession(batches::unfinished).chain(ids -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID id : ids) {
                chain = chain.chain(() -> run(id).onFailure().recoverWithItem(failure -> {
                    Log.warnf(failure, "Carrier invoice batch %s stopped; it resumes at the next run", id);
                    return null;
                }));
            }
            return chain;
        });
    }

    /**
     * Starts auditing a batch just received, on a context of its own, rather than at the next scheduled run (up to
     * {@code portage.finance.audit.interval} later); what fails here is resumed by the scheduler.
     */
    public void start(UUID batchId) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> run(batchId).subscribe()
                .with(done -> Log.debugf("Carrier invoice batch %s audited", batchId),
                        failure -> Log.warnf("Carrier invoice batch %s stopped; it resumes at the next run: %s", batchId,
                                failure.toString())));
    }

    /**
     * Audits a batch to its end and bills it; a batch this process is already running is left to that run (another
     * replica's run of the same batch is kept apart by the batch's version and the billing claim).
     */
    @WithSpan("CarrierInvoiceAuditor.run")
    public Uni<Void> run(UUID batchId) {
        if (!running.add(batchId)) {
            return Uni.createFrom().voidItem();
        }
        return auditToTheEnd(batchId).onTermination().invoke(() -> running.remove(batchId));
    }

    private Uni<Void> auditToTheEnd(UUID batchId) {
        return auditChunk(batchId).chain(audited -> audited > 0 ? auditToTheEnd(batchId) : billing.bill(batchId));
    }

    /** Audits the next chunk of the batch's pending lines in one transaction; answers how many it audited. */
    Uni<Integer> auditChunk(UUID batchId) {
        // The chunk's lines, invoices and labels are read detached and the verdicts written in one statement: as
        // managed entities, Hibernate kept a snapshot of each and dirty-checked hundreds at every flush. The session
        // flushes at commit only (the batch's progress, the disputes' exception items).
        return Panache.withTransaction(() -> Panache.getSession()
                .invoke(session -> session.setFlushMode(FlushMode.COMMIT))
                .chain(() -> batches.findById(batchId))
                .chain(batch -> {
                    if (batch == null || batch.status() != AuditBatch.Status.AUDITING) {
                        return Uni.createFrom().item(0);
                    }
                    return lines.pending(batchId, config.chunkSize()).chain(pending -> {
                        if (pending.isEmpty()) {
                            batch.audited(batch.totalLines());
                            return Uni.createFrom().item(0);
                        }
                        return invoices.ofBatchReadOnly(batchId)
                                .map(rows -> rows.stream().collect(Collectors.toMap(CarrierInvoice::id, row -> row)))
                                .chain(byId -> audit(pending, byId))
                                .invoke(() -> batch.audited(pending.size()))
                                .replaceWith(pending.size());
                    });
                }));
    }

    private Uni<Void> audit(List<CarrierInvoiceLine> pending, Map<UUID, CarrierInvoice> invoiceById) {
        Map<String, List<CarrierInvoiceLine>> byCarrier = pending.stream()
                .collect(Collectors.groupingBy(CarrierInvoiceLine::carrier, LinkedHashMap::new, Collectors.toList()));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<CarrierInvoiceLine>> carrier : byCarrier.entrySet()) {
            chain = chain.chain(() -> auditCarrier(carrier.getKey(), carrier.getValue(), invoiceById));
        }
        return chain;
    }

    private Uni<Void> auditCarrier(String carrier, List<CarrierInvoiceLine> pending, Map<UUID, CarrierInvoice> invoiceById) {
        Set<String> tracking = pending.stream().map(CarrierInvoiceLine::trackingNumber).collect(Collectors.toSet());
        return terms.inSession(carrier)
                .chain(carrierTerms -> rateCards.ofCarrier(carrier)
                        .chain(cards -> charges.ofTrackingNumbersReadOnly(carrier, tracking)
                                .chain(known -> lines.alreadyBilled(carrier, tracking).chain(billed -> {
                                    Map<String, List<CarrierCharge>> chargesByTracking = known.stream()
                                            .collect(Collectors.groupingBy(CarrierCharge::trackingNumber));
                                    Set<String> seen = new HashSet<>(billed);
                                    List<CarrierInvoiceLine> disputed = new ArrayList<>();
                                    for (CarrierInvoiceLine line : pending) {
                                        CarrierInvoice invoice = invoiceById.get(line.invoiceId());
                                        boolean duplicate = invoice.duplicateOf() != null || !seen.add(line.trackingNumber());
                                        List<CarrierCharge> shipment = chargesByTracking.getOrDefault(line.trackingNumber(),
                                                List.of());
                                        Verdict verdict = LineAudit.audit(domain(line), line.currency(),
                                                tariff(cards, line), carrierTerms.forAudit(), !shipment.isEmpty(), duplicate,
                                                accrued(shipment, line.currency(), CarrierCharge.Kind.LABEL,
                                                        CarrierCharge.Kind.RETURN_LABEL),
                                                accrued(shipment, line.currency(), CarrierCharge.Kind.DETENTION));
                                        Map<String, Object> evidence = new LinkedHashMap<>(verdict.evidence());
                                        if (invoice.duplicateOf() != null) {
                                            evidence.put("invoiceReceivedBefore", invoice.duplicateOf().toString());
                                        }
                                        line.judge(verdict, json.write(evidence), clock.instant());
                                        if (!verdict.matched()) {
                                            disputed.add(line);
                                        }
                                    }
                                    return lines.recordVerdicts(pending).chain(() -> raise(disputed, invoiceById));
                                }))));
    }

    private Uni<Void> raise(List<CarrierInvoiceLine> disputed, Map<UUID, CarrierInvoice> invoiceById) {
        List<ExceptionQueue.Raised> items = new ArrayList<>(disputed.size());
        for (CarrierInvoiceLine line : disputed) {
            CarrierInvoice invoice = invoiceById.get(line.invoiceId());
            String summary = line.disputeClass() + ": " + line.carrier() + " invoice " + invoice.invoiceNumber() + " line "
                    + line.lineNumber() + " (" + line.trackingNumber() + ") billed " + line.total().toPlainString() + " "
                    + line.currency() + (line.expected() != null
                            ? ", re-rated " + line.expected().toPlainString() + " " + line.currency()
                            : "");
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("batchId", line.batchId().toString());
            payload.put("invoiceId", invoice.id().toString());
            payload.put("lineId", line.id().toString());
            payload.put("carrier", line.carrier());
            payload.put("invoiceNumber", invoice.invoiceNumber());
            payload.put("lineNumber", line.lineNumber());
            payload.put("disputeClass", line.disputeClass().name());
            payload.put("evidence", json.read(line.evidenceJson(), new TypeReference<Map<String, Object>>() {
            }));
            items.add(new ExceptionQueue.Raised("carrier-invoice-line:" + line.id(), summary, json.write(payload)));
        }
        // One lookup per thousand disputed lines, not one each.
        return exceptions.raiseAll(DISPUTE, config.ownerRole(), items);
    }

    private static Tariff tariff(List<RateCard> cards, CarrierInvoiceLine line) {
        Lane lane = line.lane();
        if (lane == null) {
            return null;
        }
        return cards.stream()
                .filter(card -> card.lane().equals(lane) && card.isValidOn(line.shipDate()))
                .findFirst()
                .map(RateCard::tariff)
                .orElse(null);
    }

    private static BigDecimal accrued(List<CarrierCharge> shipment, String currency, CarrierCharge.Kind... kinds) {
        return shipment.stream()
                .filter(charge -> Arrays.stream(kinds).anyMatch(charge::is) && charge.currency().equals(currency))
                .map(CarrierCharge::amount)
                .reduce(BigDecimal::add)
                .orElse(null);
    }

    private InvoiceLine domain(CarrierInvoiceLine line) {
        return new InvoiceLine(line.lineNumber(), line.trackingNumber(), line.shipDate(), line.lane(), line.service(),
                line.declaredWeightKg(), line.billedWeightKg(), line.freight(), line.fuel(),
                json.read(line.accessorialsJson(), AMOUNTS), line.total());
    }

}

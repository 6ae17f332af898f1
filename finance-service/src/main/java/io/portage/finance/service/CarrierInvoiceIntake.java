package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.finance.domain.AuditBatch;
import io.portage.finance.domain.CarrierInvoice;
import io.portage.finance.domain.CarrierInvoiceLine;
import io.portage.finance.domain.InvoiceLine;
import io.portage.finance.repository.AuditBatchRepository;
import io.portage.finance.repository.CarrierInvoiceLineRepository;
import io.portage.finance.repository.CarrierInvoiceRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one way carrier invoices enter the audit, whatever brought them (a CSV file, the partner API, an EDI 210 event):
 * stores them as a batch of lines for {@link CarrierInvoiceAuditor}, which starts on a batch as soon as it is stored
 * (from the partner API or a file; a batch stored in an event handler's transaction at its next run). The same invoices again (the same file twice, a retried
 * call, a redelivered event) are the batch made the first time, so nothing new is created; an invoice number the carrier
 * used before is kept as a duplicate of the first and never billed.
 */
@ApplicationScoped
public class CarrierInvoiceIntake {

    private final AuditBatchRepository batches;
    private final CarrierInvoiceRepository invoices;
    private final CarrierInvoiceLineRepository lines;
    private final FinanceJson json;
    private final Clock clock = Clock.systemUTC();

    private final CarrierInvoiceAuditor auditor;

    public CarrierInvoiceIntake(AuditBatchRepository batches, CarrierInvoiceRepository invoices,
            CarrierInvoiceLineRepository lines, FinanceJson json, CarrierInvoiceAuditor auditor) {
        this.auditor = auditor;
        this.batches = batches;
        this.invoices = invoices;
        this.lines = lines;
        this.json = json;
    }

    /** The batch the invoices are audited in, and whether this call created it. */
    public record Intake(AuditBatch batch, boolean created) {
    }

    @WithSpan("CarrierInvoiceIntake.receive")
    public Uni<Intake> receive(@SpanAttribute("portage.source") String source, List<ReceivedInvoice> received,
            String actor, String correlationId) {
        if (received.isEmpty()) {
            throw new InvalidCarrierInvoiceException("invoices", "holds no invoice");
        }
        String hash = contentHash(received);
        return Panache.withTransaction(() -> batches.byContentHash(hash)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(new Intake(existing, false))
                        : store(source, hash, received, actor, correlationId)))
                .onFailure(CarrierInvoiceIntake::isUniqueViolation)
                .recoverWithUni(failure -> Panache.withSession(() -> batches.byContentHash(hash)).map(existing -> {
                    if (existing == null) {
                        throw new IllegalStateException("carrier invoices refused by a uniqueness rule", failure);
                    }
                    return new Intake(existing, false);
                }))
                .invoke(intake -> {
                    if (intake.created()) {
                        auditor.start(intake.batch().id());
                    }
                });
    }

    /**
     * Stores one invoice as its own batch in the caller's transaction, unless a batch was made under {@code key} before
     * (an EDI 210 delivered again, whatever its content): idempotent per key, not per content.
     */
    public Uni<Intake> receiveOnce(String source, String key, ReceivedInvoice invoice, String actor, String correlationId) {
        String hash = ContentHash.sha256(source + "\u0000" + key);
        return batches.byContentHash(hash)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(new Intake(existing, false))
                        : store(source, hash, List.of(invoice), actor, correlationId));
    }

    private Uni<Intake> store(String source, String hash, List<ReceivedInvoice> received, String actor,
            String correlationId) {
        int total = received.stream().mapToInt(invoice -> invoice.lines().size()).sum();
        AuditBatch batch = new AuditBatch(source, hash, total, actor, correlationId, clock.instant());
        List<CarrierInvoice> made = new ArrayList<>();
        List<CarrierInvoiceLine> rows = new ArrayList<>();
        Set<String> numbers = received.stream().map(ReceivedInvoice::invoiceNumber).collect(Collectors.toSet());
        return batches.persist(batch).chain(() -> invoices.originals(numbers)).chain(earlier -> {
            Map<String, UUID> originals = new HashMap<>();
            earlier.forEach(original -> originals.put(key(original.carrier(), original.invoiceNumber()), original.id()));
            for (ReceivedInvoice invoice : received) {
                String key = key(invoice.carrier(), invoice.invoiceNumber());
                UUID duplicateOf = originals.get(key);
                CarrierInvoice row = new CarrierInvoice(batch.id(), made.size() + 1, invoice.carrier(),
                        invoice.invoiceNumber(), invoice.invoiceDate(), invoice.currency(), duplicateOf);
                if (duplicateOf == null) {
                    originals.put(key, row.id());
                }
                made.add(row);
                for (InvoiceLine line : invoice.lines()) {
                    rows.add(
                            new CarrierInvoiceLine(row, rows.size() + 1, line, json.write(new TreeMap<>(line.accessorials()))));
                }
            }
            // The originals are flushed before their duplicates, all invoices before their lines (foreign keys).
            return persistAndFlush(made.stream().filter(row -> row.duplicateOf() == null).toList())
                    .chain(() -> persistAndFlush(made.stream().filter(row -> row.duplicateOf() != null).toList()));
        }).chain(() -> lines.insertAll(rows)).replaceWith(() -> new Intake(batch, true));
    }

    private Uni<Void> persistAndFlush(List<CarrierInvoice> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : invoices.persist(rows).chain(invoices::flush);
    }

    private static String key(String carrier, String invoiceNumber) {
        return carrier + "\u0000" + invoiceNumber;
    }

    /** SHA-256 of the invoices' content in a canonical form: the same invoices hash alike however they were written. */
    static String contentHash(List<ReceivedInvoice> received) {
        StringBuilder canonical = new StringBuilder();
        for (ReceivedInvoice invoice : received) {
            canonical.append(invoice.carrier())
                    .append('|')
                    .append(invoice.invoiceNumber())
                    .append('|')
                    .append(invoice.invoiceDate())
                    .append('|')
                    .append(invoice.currency())
                    .append('\n');
            for (InvoiceLine line : invoice.lines()) {
                canonical.append(line.lineNumber())
                        .append('|')
                        .append(line.trackingNumber())
                        .append('|')
                        .append(line.shipDate())
                        .append('|')
                        .append(line.lane())
                        .append('|')
                        .append(line.service())
                        .append('|')
                        .append(plain(line.declaredWeightKg()))
                        .append('|')
                        .append(plain(line.billedWeightKg()))
                        .append('|')
                        .append(plain(line.freight()))
                        .append('|')
                        .append(plain(line.fuel()))
                        .append('|');
                new TreeMap<>(line.accessorials()).forEach((code, amount) -> canonical.append(code)
                        .append('=')
                        .append(plain(amount))
                        .append(';'));
                canonical.append('|').append(plain(line.total())).append('\n');
            }
        }
        return ContentHash.sha256(canonical.toString());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("duplicate key value")) {
                return true;
            }
        }
        return false;
    }
}

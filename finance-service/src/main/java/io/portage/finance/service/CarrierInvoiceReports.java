package io.portage.finance.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.finance.domain.AuditBatch;
import io.portage.finance.domain.CarrierInvoice;
import io.portage.finance.domain.CarrierInvoiceLine;
import io.portage.finance.repository.AuditBatchRepository;
import io.portage.finance.repository.CarrierInvoiceLineRepository;
import io.portage.finance.repository.CarrierInvoiceRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads carrier invoice batches: their progress and their reconciliation report. */
@ApplicationScoped
public class CarrierInvoiceReports {

    private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {
    };

    private final AuditBatchRepository batches;
    private final CarrierInvoiceRepository invoices;
    private final CarrierInvoiceLineRepository lines;
    private final ObjectMapper json;

    public CarrierInvoiceReports(AuditBatchRepository batches, CarrierInvoiceRepository invoices,
            CarrierInvoiceLineRepository lines, ObjectMapper json) {
        this.batches = batches;
        this.invoices = invoices;
        this.lines = lines;
        this.json = json;
    }

    public Uni<AuditBatch> batch(UUID id) {
        return Panache.withSession(() -> batches.findById(id)).onItem().ifNull().failWith(() -> new UnknownBatchException(id));
    }

    public Uni<ReconciliationReport> report(UUID id) {
        return Panache.withSession(() -> batches.findById(id).chain(batch -> {
            if (batch == null) {
                throw new UnknownBatchException(id);
            }
            return invoices.ofBatchReadOnly(id).chain(rows -> lines.ofBatch(id).map(all -> report(batch, rows, all)));
        }));
    }

    private ReconciliationReport report(AuditBatch batch, List<CarrierInvoice> rows, List<CarrierInvoiceLine> all) {
        Map<String, Accumulator> totals = new TreeMap<>();
        List<ReconciliationReport.Dispute> disputes = new ArrayList<>();
        Map<UUID, int[]> perInvoice = new TreeMap<>();
        Map<UUID, String> numbers = new TreeMap<>();
        rows.forEach(invoice -> numbers.put(invoice.id(), invoice.invoiceNumber()));
        for (CarrierInvoiceLine line : all) {
            if (line.status() == CarrierInvoiceLine.Status.PENDING) {
                continue;
            }
            String disputeClass = line.disputeClass() == null ? null : line.disputeClass().name();
            String key = String.join("\u0000", line.carrier(), line.currency(), line.status().name(),
                    disputeClass == null ? "" : disputeClass);
            totals.computeIfAbsent(key, ignored -> new Accumulator(line.carrier(), line.currency(), line.status().name(),
                    disputeClass)).add(line);
            int[] counts = perInvoice.computeIfAbsent(line.invoiceId(), ignored -> new int[2]);
            counts[line.status() == CarrierInvoiceLine.Status.MATCHED ? 0 : 1]++;
            if (line.status() == CarrierInvoiceLine.Status.DISPUTED) {
                disputes.add(new ReconciliationReport.Dispute(line.carrier(), numbers.get(line.invoiceId()),
                        line.lineNumber(), line.trackingNumber(), disputeClass, money(line.total(), line.currency()),
                        money(line.expected(), line.currency()), line.currency(), read(line.evidenceJson())));
            }
        }
        List<ReconciliationReport.Invoice> outcomes = rows.stream()
                .sorted(Comparator.comparingInt(CarrierInvoice::position))
                .map(invoice -> {
                    int[] counts = perInvoice.getOrDefault(invoice.id(), new int[2]);
                    return new ReconciliationReport.Invoice(invoice.carrier(), invoice.invoiceNumber(),
                            invoice.status().name(), counts[0], counts[1], invoice.odooBillId(), invoice.odooBillName(),
                            invoice.billError(), invoice.duplicateOf());
                })
                .toList();
        return new ReconciliationReport(batch.id(), batch.source(), batch.status().name(), batch.totalLines(),
                batch.auditedLines(), batch.receivedAt(), batch.finishedAt(),
                totals.values().stream().map(Accumulator::total).toList(), outcomes, disputes);
    }

    /** An amount at its currency's minor unit, or finer when it has more digits (never rounded away). */
    static BigDecimal money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return plain.scale() < digits ? plain.setScale(digits) : plain;
    }

    private Map<String, Object> read(String evidence) {
        try {
            return evidence == null ? Map.of() : json.readValue(evidence, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sums for one row of the totals. */
    private static final class Accumulator {

        final String carrier;
        final String currency;
        final String outcome;
        final String disputeClass;
        int lines;
        int rated;
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;

        Accumulator(String carrier, String currency, String outcome, String disputeClass) {
            this.carrier = carrier;
            this.currency = currency;
            this.outcome = outcome;
            this.disputeClass = disputeClass;
        }

        void add(CarrierInvoiceLine line) {
            lines++;
            billed = billed.add(line.total());
            if (line.expected() != null) {
                rated++;
                expected = expected.add(line.expected());
            }
        }

        ReconciliationReport.Total total() {
            return new ReconciliationReport.Total(carrier, currency, outcome, disputeClass, lines, money(billed, currency),
                    rated > 0 ? money(expected, currency) : null);
        }
    }
}

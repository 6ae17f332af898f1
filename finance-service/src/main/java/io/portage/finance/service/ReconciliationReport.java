package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a carrier invoice batch came to: its progress, totals per carrier, currency, outcome and dispute class, each
 * invoice's outcome (its Odoo bill) and each disputed line with its evidence.
 */
public record ReconciliationReport(UUID batchId, String source, String status, int totalLines, int auditedLines,
        Instant receivedAt, Instant finishedAt, List<Total> totals, List<Invoice> invoices, List<Dispute> disputes) {

    /**
     * Lines of one carrier in one currency with one outcome (and class, when disputed): how many, billed, and re-rated
     * (absent when none of them could be re-rated: duplicates, unknown shipments, unexpected accessorials).
     */
    public record Total(String carrier, String currency, String outcome, String disputeClass, int lines, BigDecimal billed,
            BigDecimal expected) {
    }

    /** An invoice's outcome: billed in Odoo (the bill's id and number), nothing to bill, or its bill refused (why). */
    public record Invoice(String carrier, String invoiceNumber, String status, int matchedLines, int disputedLines,
            Long odooBillId, String odooBill, String billError, UUID duplicateOf) {
    }

    /** A disputed line with its evidence. */
    public record Dispute(String carrier, String invoiceNumber, int lineNumber, String trackingNumber, String disputeClass,
            BigDecimal billed, BigDecimal expected, String currency, Map<String, Object> evidence) {
    }
}

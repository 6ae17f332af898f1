package io.portage.yard.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A receipt line as the dock confirmed it (from {@code io.portage.warehouse.receipt-line-confirmed.v1}). */
public record ConfirmedReceiptLine(String eventId, String receiptId, String site, UUID appointmentId, int lineNumber,
        String sku, BigDecimal expected, BigDecimal received, BigDecimal shortQuantity, BigDecimal damaged,
        Instant confirmedAt) {
}

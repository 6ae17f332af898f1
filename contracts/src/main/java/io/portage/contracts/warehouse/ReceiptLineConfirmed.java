package io.portage.contracts.warehouse;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The warehouse confirmed one line of an inbound receipt: the quantity expected, received in good condition, short
 * and damaged ({@code io.portage.warehouse.receipt-line-confirmed.v1} on {@code portage.warehouse}, subject =
 * {@code receiptId}).
 */
@RegisterForReflection
public record ReceiptLineConfirmed(
        String receiptId,
        String site,
        String appointmentId,
        int lineNumber,
        String sku,
        BigDecimal expectedQuantity,
        BigDecimal receivedQuantity,
        BigDecimal shortQuantity,
        BigDecimal damagedQuantity,
        Instant confirmedAt) {
}

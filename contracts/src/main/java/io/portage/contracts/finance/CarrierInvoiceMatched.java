package io.portage.contracts.finance;

import java.time.Instant;
import java.util.List;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A carrier invoice matched the confirmed freight charges and can be paid
 * ({@code io.portage.finance.carrier-invoice-matched.v1} on {@code portage.finance}, subject =
 * {@code carrierInvoiceId}).
 */
@RegisterForReflection
public record CarrierInvoiceMatched(
        String carrierInvoiceId,
        String carrier,
        String invoiceNumber,
        Money matchedAmount,
        List<String> chargeIds,
        Instant matchedAt) {
}

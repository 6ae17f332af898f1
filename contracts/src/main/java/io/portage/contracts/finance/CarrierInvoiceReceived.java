package io.portage.contracts.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A carrier's invoice arrived and was registered, one line per tracking number
 * ({@code io.portage.finance.carrier-invoice-received.v1} on {@code portage.finance}, subject =
 * {@code carrierInvoiceId}).
 */
@RegisterForReflection
public record CarrierInvoiceReceived(
        String carrierInvoiceId,
        String carrier,
        String invoiceNumber,
        LocalDate invoiceDate,
        Money total,
        List<Line> lines,
        Instant receivedAt) {

    /** What the carrier charges for one tracking number. */
    @RegisterForReflection
    public record Line(String trackingNumber, Money amount) {
    }
}

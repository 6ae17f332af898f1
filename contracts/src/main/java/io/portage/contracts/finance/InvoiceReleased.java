package io.portage.contracts.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * finance-service released an invoice to a partner for freight charges
 * ({@code io.portage.finance.invoice-released.v1} on {@code portage.finance}, subject = {@code invoiceId}).
 */
@RegisterForReflection
public record InvoiceReleased(
        String invoiceId,
        String partnerId,
        String invoiceNumber,
        Money total,
        LocalDate dueDate,
        List<String> chargeIds,
        Instant releasedAt) {
}

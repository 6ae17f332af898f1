package io.portage.contracts.finance;

import java.time.Instant;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Portage disputed all or part of a carrier invoice: the reason and the disputed amount
 * ({@code io.portage.finance.carrier-invoice-disputed.v1} on {@code portage.finance}, subject =
 * {@code carrierInvoiceId}).
 */
@RegisterForReflection
public record CarrierInvoiceDisputed(
        String carrierInvoiceId,
        String carrier,
        String invoiceNumber,
        ReasonCode reasonCode,
        String reason,
        Money disputedAmount,
        Instant disputedAt) {

    /** Why a carrier invoice is disputed. */
    @RegisterForReflection
    public enum ReasonCode {
        RATE_MISMATCH, DUPLICATE_CHARGE, UNKNOWN_SHIPMENT, WEIGHT_DISCREPANCY, ACCESSORIAL_NOT_AGREED, OTHER
    }
}

package io.portage.contracts.order;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * order-service rejected a received order; {@code message} tells the partner why in plain words
 * ({@code io.portage.order.rejected.v1} on {@code portage.orders}, subject = {@code orderId}). Terminal.
 */
@RegisterForReflection
public record OrderRejected(
        String orderId,
        String partnerId,
        ReasonCode reasonCode,
        String message,
        Instant rejectedAt) {

    /** Why an order was rejected. */
    @RegisterForReflection
    public enum ReasonCode {
        INVALID_ADDRESS, UNKNOWN_SKU, OUT_OF_STOCK, CREDIT_HOLD, UNSERVICEABLE_DESTINATION, DUPLICATE, OTHER
    }
}

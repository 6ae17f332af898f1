package io.portage.contracts.finance;

import java.time.Instant;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * finance-service released a refund for an order to the partner's customer
 * ({@code io.portage.finance.refund-released.v1} on {@code portage.finance}, subject = {@code refundId}).
 */
@RegisterForReflection
public record RefundReleased(
        String refundId,
        String orderId,
        String partnerId,
        Money amount,
        ReasonCode reasonCode,
        Instant releasedAt) {

    /** Why the refund was granted. */
    @RegisterForReflection
    public enum ReasonCode {
        RETURN, DAMAGED, LATE_DELIVERY, GOODWILL, OTHER
    }
}

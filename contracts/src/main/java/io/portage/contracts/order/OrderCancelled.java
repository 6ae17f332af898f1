package io.portage.contracts.order;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An order was cancelled before it was packed: why, and by whom ({@code io.portage.order.cancelled.v1} on
 * {@code portage.orders}, subject = {@code orderId}). Terminal.
 */
@RegisterForReflection
public record OrderCancelled(
        String orderId,
        String partnerId,
        ReasonCode reasonCode,
        String reason,
        Actor cancelledBy,
        Instant cancelledAt) {

    /** Why an order was cancelled. */
    @RegisterForReflection
    public enum ReasonCode {
        CUSTOMER_REQUEST, PARTNER_REQUEST, PAYMENT_FAILED, OUT_OF_STOCK, DUPLICATE, OTHER
    }

    /** Who cancelled: the kind of actor and its user, client or job id. */
    @RegisterForReflection
    public record Actor(ActorType type, String id) {
    }

    /** The kinds of actor that may cancel an order. */
    @RegisterForReflection
    public enum ActorType {
        CUSTOMER, PARTNER, OPERATOR, SYSTEM
    }
}

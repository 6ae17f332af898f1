package io.portage.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is on its way from intake to delivery. The rank orders the fulfilment milestones, so an event that
 * arrives after a later one is recognised as late and does not move the order back.
 */
public enum OrderStatus {

    /** Stored, not yet checked. */
    RECEIVED(10),
    /** Waiting for a person: an unknown SKU, or Odoo refused the order (see the exception queue). */
    ON_HOLD(15),
    /** Checked; queued for Odoo. */
    ACCEPTED(20),
    /** Confirmed in Odoo and handed to the warehouse or 3PL that fulfils it. */
    RELEASED(30), PICKED(40), PACKED(50), DISPATCHED(60), DELIVERED(70), CANCELLED(90), REJECTED(90);

    private final int rank;

    OrderStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The statuses this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ON_HOLD, ACCEPTED, REJECTED, CANCELLED);
            case ON_HOLD -> EnumSet.of(ON_HOLD, ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(ON_HOLD, RELEASED, CANCELLED);
            case RELEASED -> EnumSet.of(PICKED, PACKED, DISPATCHED, DELIVERED, CANCELLED);
            case PICKED -> EnumSet.of(PACKED, DISPATCHED, DELIVERED, CANCELLED);
            case PACKED -> EnumSet.of(DISPATCHED, DELIVERED, CANCELLED);
            case DISPATCHED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED, REJECTED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /**
     * Before release: the order can still be cancelled or changed by its channel. After it only Odoo cancels an order
     * (picked or packed goods go back to stock); once dispatched nothing does.
     */
    public boolean beforeRelease() {
        return this == RECEIVED || this == ON_HOLD || this == ACCEPTED;
    }

    /** A fulfilment milestone reported by another service (picked, packed, dispatched, delivered). */
    public boolean milestone() {
        return rank >= PICKED.rank && rank <= DELIVERED.rank;
    }

    public boolean terminal() {
        return next().isEmpty();
    }
}

package io.portage.contracts.status;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;

/**
 * The status of an order (subject = order id), from {@code portage.orders} and the warehouse's pick and pack
 * confirmations on {@code portage.warehouse}. After PACKED the shipment carries on.
 */
public enum OrderStatus implements Status<OrderStatus> {

    RECEIVED(10), ACCEPTED(20), REJECTED(20), RELEASED(30), PICKED(40), PACKED(50), CANCELLED(60);

    private static final Map<EventType, OrderStatus> BY_EVENT = Map.of(
            EventCatalog.ORDER_RECEIVED_V1, RECEIVED,
            EventCatalog.ORDER_ACCEPTED_V1, ACCEPTED,
            EventCatalog.ORDER_REJECTED_V1, REJECTED,
            EventCatalog.ORDER_RELEASED_V1, RELEASED,
            EventCatalog.ORDER_RELEASED_V2, RELEASED,
            EventCatalog.PICK_CONFIRMED_V1, PICKED,
            EventCatalog.PACK_CONFIRMED_V1, PACKED,
            EventCatalog.ORDER_CANCELLED_V1, CANCELLED);

    private final int rank;

    OrderStatus(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public Set<OrderStatus> next() {
        return switch (this) {
            case RECEIVED -> Set.of(ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> Set.of(RELEASED, CANCELLED);
            case RELEASED -> Set.of(PICKED, CANCELLED);
            case PICKED -> Set.of(PACKED, CANCELLED);
            case REJECTED, PACKED, CANCELLED -> Set.of();
        };
    }

    /** The status an event of this type implies; empty for types that do not change an order's status. */
    public static Optional<OrderStatus> of(EventType type) {
        return Optional.ofNullable(BY_EVENT.get(type));
    }
}

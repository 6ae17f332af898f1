package io.portage.order.domain;

import java.util.UUID;

/** An order was asked to do what its status does not allow (cancel after release, release before acceptance). */
public class OrderStateException extends RuntimeException {

    private final UUID orderId;
    private final OrderStatus status;

    public OrderStateException(UUID orderId, OrderStatus status, String message) {
        super(message);
        this.orderId = orderId;
        this.status = status;
    }

    public UUID orderId() {
        return orderId;
    }

    public OrderStatus status() {
        return status;
    }
}

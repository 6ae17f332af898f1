package io.portage.order.domain;

/** Where an order stands in its lifecycle. Received is the first state; later states arrive with the release flow. */
public enum OrderStatus {
    RECEIVED
}

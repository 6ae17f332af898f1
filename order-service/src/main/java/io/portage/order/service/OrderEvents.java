package io.portage.order.service;

import java.time.Instant;
import java.util.UUID;

import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderChanged;
import io.portage.order.domain.Order;
import io.smallrye.mutiny.Uni;

/**
 * The order events the use cases publish on {@code portage.orders}, inside the caller's transaction: a port of the
 * service layer, implemented in {@code messaging/} (the outbox), so services never depend on messaging.
 */
public interface OrderEvents {

    Uni<UUID> orderReceived(Order order);

    Uni<UUID> orderAccepted(Order order, Instant acceptedAt);

    Uni<UUID> orderReleased(Order order);

    Uni<UUID> orderCancelled(Order order, OrderCancelled.ReasonCode code, OrderCancelled.Actor actor);

    Uni<UUID> orderChanged(Order order, OrderChanged.Actor actor, Instant changedAt);
}

package io.portage.edi.service;

import io.portage.contracts.order.OrderReleasedV2;

/** An OrderReleased (v2) from {@code portage.orders} for a 3PL Portage sends 940s to, or a customer it sends 856s. */
public record ReleasedOrder(String eventId, String correlationId, OrderReleasedV2 order) {
}

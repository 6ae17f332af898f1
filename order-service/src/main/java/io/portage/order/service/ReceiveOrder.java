package io.portage.order.service;

import java.util.List;

import io.portage.order.domain.Customer;
import io.portage.order.domain.OrderLine;

/** A validated request to take in an order from a channel. */
public record ReceiveOrder(String channel, String externalId, String partnerId, String warehouse, Customer customer,
        List<OrderLine.Item> items, String correlationId) {
}

package io.portage.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.portage.order.domain.Order;

/** An order as the API shows it. */
public record OrderView(UUID id, String channel, String externalId, String partnerId, String warehouse, String status,
        Customer customer, List<Line> lines, Instant receivedAt) {

    /** Ship-to party. */
    public record Customer(String name, String email, String street, String city, String postalCode, String country) {
    }

    /** One line. */
    public record Line(int lineNo, String sku, BigDecimal quantity) {
    }

    static OrderView of(Order order) {
        Order.Customer customer = order.customer();
        return new OrderView(order.id(), order.channel(), order.externalId(), order.partnerId(), order.warehouse(),
                order.status().name(),
                new Customer(customer.name(), customer.email(), customer.street(), customer.city(), customer.postalCode(),
                        customer.country()),
                order.lines().stream().map(line -> new Line(line.lineNo(), line.sku(), line.quantity())).toList(),
                order.receivedAt());
    }
}

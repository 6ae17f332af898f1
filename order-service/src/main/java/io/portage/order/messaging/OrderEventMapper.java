package io.portage.order.messaging;

import io.portage.contracts.order.OrderReceived;
import io.portage.order.domain.Order;

/** Maps the order aggregate to its canonical event records. */
final class OrderEventMapper {

    private OrderEventMapper() {
    }

    static OrderReceived toOrderReceived(Order order) {
        Order.Customer customer = order.customer();
        return new OrderReceived(order.id().toString(), order.channel(), order.externalId(), order.partnerId(),
                order.warehouse(),
                new OrderReceived.Customer(customer.name(), customer.email(),
                        new OrderReceived.Address(customer.street(), customer.city(), customer.postalCode(),
                                customer.country())),
                order.lines().stream().map(line -> new OrderReceived.Line(line.sku(), line.quantity())).toList(),
                order.receivedAt());
    }
}

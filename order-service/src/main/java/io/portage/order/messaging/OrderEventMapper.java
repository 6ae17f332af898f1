package io.portage.order.messaging;

import java.time.Instant;

import io.portage.contracts.order.OrderAccepted;
import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderChanged;
import io.portage.contracts.order.OrderReceived;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.order.domain.OdooOrder;
import io.portage.order.domain.Order;

/** Maps the order aggregate to its canonical event records. */
final class OrderEventMapper {

    private OrderEventMapper() {
    }

    static OrderReceived toOrderReceived(Order order) {
        return new OrderReceived(order.id().toString(), order.channel(), order.externalId(), order.partnerId(),
                order.warehouse(), customer(order),
                order.lines().stream().map(line -> new OrderReceived.Line(line.sku(), line.quantity())).toList(),
                order.receivedAt());
    }

    static OrderAccepted toOrderAccepted(Order order, Instant acceptedAt) {
        return new OrderAccepted(order.id().toString(), order.partnerId(), order.warehouse(), order.shipBy(),
                acceptedAt);
    }

    static OrderReleasedV2 toOrderReleased(Order order) {
        OdooOrder odoo = order.odoo();
        return new OrderReleasedV2(order.id().toString(), order.channel(), order.externalId(), order.partnerId(),
                order.warehouse(),
                new OrderReleasedV2.Fulfiller(OrderReleasedV2.FulfillerType.valueOf(order.fulfiller().type().name()),
                        order.fulfiller().id()),
                customer(order),
                order.lines()
                        .stream()
                        .map(line -> new OrderReleasedV2.Line(line.lineNo(), line.productSku(), line.sku(),
                                line.quantity()))
                        .toList(),
                new OrderReleasedV2.Erp(odoo.erpRef(), odoo.name(), odoo.pickingIds()), order.shipBy(),
                order.releasedAt());
    }

    static OrderCancelled toOrderCancelled(Order order, OrderCancelled.ReasonCode code, OrderCancelled.Actor actor) {
        return new OrderCancelled(order.id().toString(), order.partnerId(), code, order.cancelReason(), actor,
                order.cancelledAt());
    }

    static OrderChanged toOrderChanged(Order order, OrderChanged.Actor actor, Instant changedAt) {
        Order.Customer customer = order.customer();
        return new OrderChanged(order.id().toString(), order.partnerId(), order.warehouse(),
                new OrderChanged.Customer(customer.name(), customer.email(),
                        new OrderChanged.Address(customer.street(), customer.city(), customer.postalCode(),
                                customer.country())),
                order.lines().stream().map(line -> new OrderChanged.Line(line.sku(), line.quantity())).toList(), actor,
                changedAt);
    }

    private static OrderReceived.Customer customer(Order order) {
        Order.Customer customer = order.customer();
        return new OrderReceived.Customer(customer.name(), customer.email(),
                new OrderReceived.Address(customer.street(), customer.city(), customer.postalCode(),
                        customer.country()));
    }
}

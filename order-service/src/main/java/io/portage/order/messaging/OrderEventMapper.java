package io.portage.order.messaging;

import java.time.Instant;

import io.portage.contracts.order.OrderAccepted;
import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderChanged;
import io.portage.contracts.order.OrderReceived;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.order.domain.Customer;
import io.portage.order.domain.OdooLink;
import io.portage.order.domain.Order;

/** Maps the order aggregate to its canonical event records. */
final class OrderEventMapper {

    private OrderEventMapper() {
    }

    static OrderReceived toOrderReceived(Order order) {
        return new OrderReceived(order.id().toString(), order.intake().channel(), order.intake().externalId(),
                order.intake().partnerId(),
                order.intake().warehouse(), customer(order),
                order.lines().stream().map(line -> new OrderReceived.Line(line.sku(), line.quantity())).toList(),
                order.intake().receivedAt());
    }

    static OrderAccepted toOrderAccepted(Order order, Instant acceptedAt) {
        return new OrderAccepted(order.id().toString(), order.intake().partnerId(), order.intake().warehouse(), order.shipBy(),
                acceptedAt);
    }

    static OrderReleasedV2 toOrderReleased(Order order) {
        OdooLink odoo = order.odoo();
        return new OrderReleasedV2(order.id().toString(), order.intake().channel(), order.intake().externalId(),
                order.intake().partnerId(),
                order.intake().warehouse(),
                new OrderReleasedV2.Fulfiller(OrderReleasedV2.FulfillerType.valueOf(order.release().fulfiller().type().name()),
                        order.release().fulfiller().id()),
                customer(order),
                order.lines()
                        .stream()
                        .map(line -> new OrderReleasedV2.Line(line.lineNo(), line.productSku(), line.sku(),
                                line.quantity()))
                        .toList(),
                new OrderReleasedV2.Erp(odoo.erpRef(), odoo.name(), odoo.pickingIds()), order.shipBy(),
                order.release().at());
    }

    static OrderCancelled toOrderCancelled(Order order, OrderCancelled.ReasonCode code, OrderCancelled.Actor actor) {
        return new OrderCancelled(order.id().toString(), order.intake().partnerId(), code, order.cancellation().reason(), actor,
                order.cancellation().at());
    }

    static OrderChanged toOrderChanged(Order order, OrderChanged.Actor actor, Instant changedAt) {
        Customer customer = order.customer();
        return new OrderChanged(order.id().toString(), order.intake().partnerId(), order.intake().warehouse(),
                new OrderChanged.Customer(customer.name(), customer.email(),
                        new OrderChanged.Address(customer.street(), customer.city(), customer.postalCode(),
                                customer.country())),
                order.lines().stream().map(line -> new OrderChanged.Line(line.sku(), line.quantity())).toList(), actor,
                changedAt);
    }

    private static OrderReceived.Customer customer(Order order) {
        Customer customer = order.customer();
        return new OrderReceived.Customer(customer.name(), customer.email(),
                new OrderReceived.Address(customer.street(), customer.city(), customer.postalCode(),
                        customer.country()));
    }
}

package io.portage.order.service;

import java.time.Clock;

import jakarta.inject.Singleton;

import io.portage.order.config.OrderConfig;
import io.portage.order.domain.Order;
import io.portage.order.repository.OrderRepository;
import io.smallrye.mutiny.Uni;

/**
 * Retries an order held for unknown SKUs ({@value OrderChecks#UNKNOWN_SKU}) once a person has mapped them or created
 * the products in Odoo: the SKUs are mapped and checked again (the cache, then Odoo itself), and the order is accepted
 * and queued for Odoo; while a SKU is still unknown the retry fails and says which.
 */
@Singleton
public class UnknownSkuRetrier extends HeldOrderRetrier {

    private final OrderChecks checks;
    private final OrderEvents events;
    private final OrderConfig config;
    private final Clock clock = Clock.systemUTC();

    public UnknownSkuRetrier(OrderRepository orders, OrderChecks checks, OrderEvents events,
            OrderConfig config) {
        super(orders);
        this.checks = checks;
        this.events = events;
        this.config = config;
    }

    @Override
    public String type() {
        return OrderChecks.UNKNOWN_SKU;
    }

    @Override
    Uni<Void> retryHeld(Order order) {
        return checks.mapAndCheckWithOdoo(order).chain(unknown -> {
            if (!unknown.isEmpty()) {
                return Uni.createFrom().failure(new IllegalStateException(OrderChecks.holdReason(order, unknown)));
            }
            boolean first = !order.history().wasAccepted();
            order.accept(clock.instant(), config.shipWithin(), "exception-retry");
            return first ? events.orderAccepted(order, clock.instant()).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }
}

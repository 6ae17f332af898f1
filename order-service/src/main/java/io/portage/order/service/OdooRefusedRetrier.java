package io.portage.order.service;

import java.time.Clock;

import jakarta.inject.Singleton;

import io.portage.order.config.OrderConfig;
import io.portage.order.domain.Order;
import io.portage.order.repository.OrderRepository;
import io.smallrye.mutiny.Uni;

/**
 * Retries an order Odoo refused ({@value OrderChecks#ODOO_REFUSED}) after a person fixed the cause in Odoo (access
 * rights, a product's sale settings): the order goes back to the queue, due at once; if Odoo refuses again, a new
 * exception says so.
 */
@Singleton
public class OdooRefusedRetrier extends HeldOrderRetrier {

    private final OrderConfig config;
    private final Clock clock = Clock.systemUTC();

    public OdooRefusedRetrier(OrderRepository orders, OrderConfig config) {
        super(orders);
        this.config = config;
    }

    @Override
    public String type() {
        return OrderChecks.ODOO_REFUSED;
    }

    @Override
    Uni<Void> retryHeld(Order order) {
        order.accept(clock.instant(), config.shipWithin(), "exception-retry");
        return Uni.createFrom().voidItem();
    }
}

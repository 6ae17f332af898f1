package io.portage.order.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.kit.ops.ExceptionItem;
import io.portage.kit.ops.ExceptionRetrier;
import io.portage.kit.rest.ProblemException;
import io.portage.order.config.OrderConfig;
import io.portage.order.domain.OrderStatus;
import io.portage.order.repository.OrderRepository;
import io.smallrye.mutiny.Uni;

/**
 * Retries an order Odoo refused ({@value OrderChecks#ODOO_REFUSED}) after a person fixed the cause in Odoo (access
 * rights, a product's sale settings): the order goes back to the queue, due at once; if Odoo refuses again, a new
 * exception says so.
 */
@ApplicationScoped
public class OdooRefusedRetrier implements ExceptionRetrier {

    private final OrderRepository orders;
    private final OrderConfig config;
    private final Clock clock = Clock.systemUTC();

    public OdooRefusedRetrier(OrderRepository orders, OrderConfig config) {
        this.orders = orders;
        this.config = config;
    }

    @Override
    public String type() {
        return OrderChecks.ODOO_REFUSED;
    }

    @Override
    public Uni<Void> retry(ExceptionItem item) {
        return orders.findById(UUID.fromString(item.businessKey())).chain(order -> {
            if (order == null || order.status() != OrderStatus.ON_HOLD) {
                return Uni.createFrom()
                        .failure(new ProblemException(409, "order-not-held", "Order is not on hold",
                                "Order " + item.businessKey() + " is " + (order == null ? "gone" : order.status())
                                        + "; resolve or discard this exception"));
            }
            order.accept(clock.instant(), config.shipWithin(), "exception-retry");
            return Uni.createFrom().voidItem();
        });
    }
}

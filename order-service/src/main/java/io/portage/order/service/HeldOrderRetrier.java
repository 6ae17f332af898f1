package io.portage.order.service;

import java.util.UUID;

import io.portage.kit.ops.ExceptionItem;
import io.portage.kit.ops.ExceptionRetrier;
import io.portage.kit.ops.RetryRefusedException;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderStatus;
import io.portage.order.repository.OrderRepository;
import io.smallrye.mutiny.Uni;

/**
 * A retrier of an exception about a held order (business key = order id): finds the order, refuses the retry when it
 * is no longer on hold (cancelled, or released another way), and lets the subclass run the automation again.
 */
abstract class HeldOrderRetrier implements ExceptionRetrier {

    private final OrderRepository orders;

    HeldOrderRetrier(OrderRepository orders) {
        this.orders = orders;
    }

    /** Runs the automation again for the held order, in the transaction that closes the exception. */
    abstract Uni<Void> retryHeld(Order order);

    @Override
    public final Uni<Void> retry(ExceptionItem item) {
        return orders.findById(UUID.fromString(item.businessKey())).chain(order -> {
            if (order == null || order.status() != OrderStatus.ON_HOLD) {
                return Uni.createFrom()
                        .failure(new RetryRefusedException("order-not-held", "Order is not on hold",
                                "Order " + item.businessKey() + " is " + (order == null ? "gone" : order.status())
                                        + "; resolve or discard this exception"));
            }
            return retryHeld(order);
        });
    }
}

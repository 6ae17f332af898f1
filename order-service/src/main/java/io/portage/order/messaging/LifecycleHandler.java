package io.portage.order.messaging;

import java.util.List;
import java.util.function.Function;

import jakarta.inject.Singleton;

import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.order.service.LifecycleEvent;
import io.portage.order.service.OrderLifecycle;
import io.smallrye.mutiny.Uni;

/**
 * One of the three lifecycle consumers: reads its topic's events with {@link LifecycleEventReader} and applies them
 * with {@link OrderLifecycle}. Events naming a Portage order or shipment this service does not know are rejected (dead
 * letters a replay applies once the order is known); the topics are not ordered per aggregate, as milestones never
 * move an order back.
 */
abstract class LifecycleHandler implements BatchHandler<LifecycleEvent> {

    private final OrderLifecycle lifecycle;
    private final String consumer;
    private final Function<SequencedEvent, List<LifecycleEvent>> read;

    LifecycleHandler(OrderLifecycle lifecycle, String consumer, Function<SequencedEvent, List<LifecycleEvent>> read) {
        this.lifecycle = lifecycle;
        this.consumer = consumer;
        this.read = read;
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public List<LifecycleEvent> read(SequencedEvent event) {
        return read.apply(event);
    }

    @Override
    public String inboxKey(LifecycleEvent event) {
        return event.eventId();
    }

    @Override
    public Uni<Applied<LifecycleEvent>> apply(List<LifecycleEvent> fresh) {
        return lifecycle.apply(consumer, fresh)
                .map(report -> new Applied<>(report.counts(), report.skipped(), report.unknown()
                        .stream()
                        .map(unknown -> new Rejected<>(unknown, unknownOrder(unknown)))
                        .toList()));
    }

    /** Why an event naming an order (or shipment) this service does not know cannot be applied yet. */
    static IllegalStateException unknownOrder(LifecycleEvent event) {
        return new IllegalStateException(switch (event.ref().kind()) {
            case SHIPMENT -> "no order known for shipment " + event.ref().value()
                    + " (its io.portage.shipment.created.v1 has not been applied)";
            default -> "no order " + event.ref().value() + " in order-service";
        });
    }

    /** {@value OrderLifecycle#WAREHOUSE}: {@code portage.warehouse}. */
    @Singleton
    static class Warehouse extends LifecycleHandler {

        Warehouse(OrderLifecycle lifecycle, LifecycleEventReader reader) {
            super(lifecycle, OrderLifecycle.WAREHOUSE, reader::warehouse);
        }
    }

    /** {@value OrderLifecycle#SHIPMENTS}: {@code portage.shipments}. */
    @Singleton
    static class Shipments extends LifecycleHandler {

        Shipments(OrderLifecycle lifecycle, LifecycleEventReader reader) {
            super(lifecycle, OrderLifecycle.SHIPMENTS, reader::shipments);
        }
    }

    /** {@value OrderLifecycle#ERP}: {@code portage.erp}. */
    @Singleton
    static class Erp extends LifecycleHandler {

        Erp(OrderLifecycle lifecycle, LifecycleEventReader reader) {
            super(lifecycle, OrderLifecycle.ERP, reader::erp);
        }
    }
}

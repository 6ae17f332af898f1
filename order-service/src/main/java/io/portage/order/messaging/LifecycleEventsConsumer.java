package io.portage.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.portage.kit.events.BatchConsumer;
import io.portage.kit.events.BatchConsumers;
import io.portage.order.service.LifecycleEvent;
import io.portage.order.service.OrderLifecycle;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes the fulfilment events of other services and Odoo in batches through event-kit's {@link BatchConsumer} (one
 * transaction per poll, the inbox, retries, dead letters to {@code portage.dlq.order-service}):
 * {@code portage.warehouse} ({@value OrderLifecycle#WAREHOUSE}), {@code portage.shipments}
 * ({@value OrderLifecycle#SHIPMENTS}) and {@code portage.erp} ({@value OrderLifecycle#ERP}), each read and applied by
 * its {@link LifecycleHandler}.
 */
@ApplicationScoped
public class LifecycleEventsConsumer {

    private final BatchConsumer<LifecycleEvent> warehouse;
    private final BatchConsumer<LifecycleEvent> shipments;
    private final BatchConsumer<LifecycleEvent> erp;

    public LifecycleEventsConsumer(BatchConsumers consumers, LifecycleHandler.Warehouse warehouse,
            LifecycleHandler.Shipments shipments, LifecycleHandler.Erp erp,
            @Channel("lifecycle-dlq") MutinyEmitter<String> deadLetterTopic) {
        this.warehouse = consumers.of(warehouse, deadLetterTopic);
        this.shipments = consumers.of(shipments, deadLetterTopic);
        this.erp = consumers.of(erp, deadLetterTopic);
    }

    @Incoming("warehouse-in")
    public Uni<Void> onWarehouseEvents(KafkaRecordBatch<String, String> batch) {
        return warehouse.consume(batch);
    }

    @Incoming("shipments-in")
    public Uni<Void> onShipmentEvents(KafkaRecordBatch<String, String> batch) {
        return shipments.consume(batch);
    }

    @Incoming("erp-in")
    public Uni<Void> onErpEvents(KafkaRecordBatch<String, String> batch) {
        return erp.consume(batch);
    }
}

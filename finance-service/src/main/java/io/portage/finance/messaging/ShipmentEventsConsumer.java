package io.portage.finance.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.portage.kit.events.BatchConsumer;
import io.portage.kit.events.BatchConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code portage.shipments} in batches through event-kit's {@link BatchConsumer} (the inbox, retries, dead
 * letters to {@code portage.dlq.finance-service}); what it reads and applies is {@link ShipmentEventsHandler}'s.
 */
@ApplicationScoped
public class ShipmentEventsConsumer {

    private final BatchConsumer<ShipmentEventsHandler.Item> consumer;

    public ShipmentEventsConsumer(BatchConsumers consumers, ShipmentEventsHandler handler,
            @Channel("shipments-dlq") MutinyEmitter<String> deadLetterTopic) {
        this.consumer = consumers.of(handler, deadLetterTopic);
    }

    @Incoming("shipments-in")
    public Uni<Void> onShipmentEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }
}

package io.portage.edi.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.portage.edi.service.ReleasedOrder;
import io.portage.kit.events.BatchConsumer;
import io.portage.kit.events.BatchConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code portage.orders} in batches through event-kit's {@link BatchConsumer} (ordered per order, the inbox,
 * retries, dead letters to {@code portage.dlq.edi-gateway}); what it reads and applies is {@link OrderEventsHandler}'s.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final BatchConsumer<ReleasedOrder> consumer;

    public OrderEventsConsumer(BatchConsumers consumers, OrderEventsHandler handler,
            @Channel("dead-letters") MutinyEmitter<String> deadLetterTopic) {
        this.consumer = consumers.of(handler, deadLetterTopic);
    }

    @Incoming("orders-in")
    public Uni<Void> onOrderEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }
}

package io.portage.finance.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.portage.finance.service.CarrierChargeLedger;
import io.portage.kit.events.BatchConsumer;
import io.portage.kit.events.BatchConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code portage.yard} in batches through event-kit's {@link BatchConsumer} (the inbox, retries, dead
 * letters to {@code portage.dlq.finance-service}); what it reads and applies is {@link YardEventsHandler}'s.
 */
@ApplicationScoped
public class YardEventsConsumer {

    private final BatchConsumer<CarrierChargeLedger.DetentionCharged> consumer;

    public YardEventsConsumer(BatchConsumers consumers, YardEventsHandler handler,
            @Channel("yard-dlq") MutinyEmitter<String> deadLetterTopic) {
        this.consumer = consumers.of(handler, deadLetterTopic);
    }

    @Incoming("yard-in")
    public Uni<Void> onYardEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }
}

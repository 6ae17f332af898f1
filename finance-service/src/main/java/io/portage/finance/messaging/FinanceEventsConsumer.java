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
 * Consumes {@code portage.finance} in batches through event-kit's {@link BatchConsumer} (the inbox, retries, dead
 * letters to {@code portage.dlq.finance-service}); what it reads and applies is {@link CarrierInvoiceEventsHandler}'s.
 */
@ApplicationScoped
public class FinanceEventsConsumer {

    private final BatchConsumer<CarrierInvoiceEventsHandler.Received> consumer;

    public FinanceEventsConsumer(BatchConsumers consumers, CarrierInvoiceEventsHandler handler,
            @Channel("finance-dlq") MutinyEmitter<String> deadLetterTopic) {
        this.consumer = consumers.of(handler, deadLetterTopic);
    }

    @Incoming("finance-in")
    public Uni<Void> onFinanceEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }
}

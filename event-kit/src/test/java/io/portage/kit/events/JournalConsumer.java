package io.portage.kit.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** The Kafka side of {@link JournalHandler}, as a service writes it: a channel in, a dead-letter channel out. */
@ApplicationScoped
public class JournalConsumer {

    private final BatchConsumer<SequencedEvent> consumer;

    public JournalConsumer(BatchConsumers consumers, JournalHandler handler,
            @Channel("journal-dlq") MutinyEmitter<String> deadLetterTopic) {
        this.consumer = consumers.of(handler, deadLetterTopic);
    }

    @Incoming("journal-in")
    public Uni<Void> onJournalEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }
}

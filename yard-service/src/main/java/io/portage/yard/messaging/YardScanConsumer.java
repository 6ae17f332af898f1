package io.portage.yard.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.portage.kit.events.BatchConsumer;
import io.portage.kit.events.BatchConsumers;
import io.portage.yard.domain.YardScan;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code portage.warehouse} in batches through event-kit's {@link BatchConsumer} (one transaction per poll,
 * the inbox, retries, dead letters to {@code portage.dlq.yard-service}); {@link YardScanHandler} reads and applies.
 */
@ApplicationScoped
public class YardScanConsumer {

    private final BatchConsumer<YardScan> scans;

    public YardScanConsumer(BatchConsumers consumers, YardScanHandler handler,
            @Channel("yard-dlq") MutinyEmitter<String> deadLetterTopic) {
        this.scans = consumers.of(handler, deadLetterTopic);
    }

    @Incoming("warehouse-in")
    public Uni<Void> onWarehouseEvents(KafkaRecordBatch<String, String> batch) {
        return scans.consume(batch);
    }
}

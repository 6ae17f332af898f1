package io.portage.edi.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.portage.edi.service.ShipmentFact;
import io.portage.kit.events.BatchConsumer;
import io.portage.kit.events.BatchConsumers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code portage.shipments} and {@code portage.warehouse} in batches through event-kit's {@link BatchConsumer}
 * (the inbox, retries, dead letters to {@code portage.dlq.edi-gateway}); what it reads and applies is
 * {@link ShipmentEventsHandler}'s and {@link PackEventsHandler}'s.
 */
@ApplicationScoped
public class ShipmentEventsConsumer {

    private final BatchConsumer<ShipmentFact> shipments;
    private final BatchConsumer<ShipmentFact> packs;

    public ShipmentEventsConsumer(BatchConsumers consumers, ShipmentEventsHandler shipments, PackEventsHandler packs,
            @Channel("dead-letters") MutinyEmitter<String> deadLetterTopic) {
        this.shipments = consumers.of(shipments, deadLetterTopic);
        this.packs = consumers.of(packs, deadLetterTopic);
    }

    @Incoming("shipments-in")
    public Uni<Void> onShipmentEvents(KafkaRecordBatch<String, String> batch) {
        return shipments.consume(batch);
    }

    @Incoming("warehouse-in")
    public Uni<Void> onWarehouseEvents(KafkaRecordBatch<String, String> batch) {
        return packs.consume(batch);
    }
}

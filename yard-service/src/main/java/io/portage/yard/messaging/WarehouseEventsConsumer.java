package io.portage.yard.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.portage.kit.events.BatchConsumer;
import io.portage.kit.events.BatchConsumers;
import io.portage.yard.domain.ShipmentFact;
import io.portage.yard.domain.YardScan;
import io.portage.yard.service.ConfirmedReceiptLine;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code portage.warehouse} in batches through event-kit's {@link BatchConsumer} (one transaction per poll,
 * the inbox, retries, dead letters to {@code portage.dlq.yard-service}), twice: gate and yard scans
 * ({@link YardScanHandler}, consumer group {@code yard-service.warehouse}) and receipt lines ({@link ReceiptLineHandler},
 * {@code yard-service.receipts}), so a receipt waiting on Odoo never holds up the gate.
 */
@ApplicationScoped
public class WarehouseEventsConsumer {

    private final BatchConsumer<YardScan> scans;
    private final BatchConsumer<ConfirmedReceiptLine> receipts;
    private final BatchConsumer<ShipmentFact> shipments;

    public WarehouseEventsConsumer(BatchConsumers consumers, YardScanHandler scans, ReceiptLineHandler receipts,
            ShipmentFactsHandler shipments, @Channel("yard-dlq") MutinyEmitter<String> deadLetterTopic) {
        this.scans = consumers.of(scans, deadLetterTopic);
        this.receipts = consumers.of(receipts, deadLetterTopic);
        this.shipments = consumers.of(shipments, deadLetterTopic);
    }

    @Incoming("warehouse-in")
    public Uni<Void> onWarehouseEvents(KafkaRecordBatch<String, String> batch) {
        return scans.consume(batch);
    }

    @Incoming("shipments-in")
    public Uni<Void> onShipmentFacts(KafkaRecordBatch<String, String> batch) {
        return shipments.consume(batch);
    }

    @Incoming("receipts-in")
    public Uni<Void> onReceiptLines(KafkaRecordBatch<String, String> batch) {
        return receipts.consume(batch);
    }
}

package io.portage.shipment.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.portage.kit.events.BatchConsumer;
import io.portage.kit.events.BatchConsumers;
import io.portage.shipment.service.ShipConfirmation;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes what edi-gateway relays, in batches through event-kit's {@link BatchConsumer} (the inbox, retries, dead
 * letters to {@code portage.dlq.shipment-service}): carriers' X12 214 statuses from {@code portage.shipments}
 * ({@link CarrierStatusHandler}, group {@value CarrierStatusHandler#CONSUMER}) and 3PLs' 945 shipping advices from
 * {@code portage.warehouse} ({@link ShipConfirmedHandler}, group {@value ShipConfirmedHandler#CONSUMER}).
 */
@ApplicationScoped
public class EdiEventsConsumer {

    private final BatchConsumer<CarrierStatusHandler.Status> statuses;
    private final BatchConsumer<ShipConfirmation> confirmations;

    public EdiEventsConsumer(BatchConsumers consumers, CarrierStatusHandler statuses, ShipConfirmedHandler confirmations,
            @Channel("orders-dlq") MutinyEmitter<String> deadLetterTopic) {
        this.statuses = consumers.of(statuses, deadLetterTopic);
        this.confirmations = consumers.of(confirmations, deadLetterTopic);
    }

    @Incoming("carrier-status-in")
    public Uni<Void> onCarrierStatuses(KafkaRecordBatch<String, String> batch) {
        return statuses.consume(batch);
    }

    @Incoming("ship-confirmed-in")
    public Uni<Void> onShipConfirmations(KafkaRecordBatch<String, String> batch) {
        return confirmations.consume(batch);
    }
}

package io.portage.shipment.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.CloudEventAttributes;
import io.portage.kit.events.EventApplier;
import io.portage.kit.events.SequencedEvent;
import io.portage.kit.ops.DeadLetter;
import io.portage.kit.ops.DeadLetterReplayer;
import io.portage.shipment.service.ShipmentService;
import io.smallrye.mutiny.Uni;

/**
 * Applies order events that reach shipment-service outside its Kafka path, exactly as the consumer does, through the
 * inbox: the consumer's dead letters (the payload, or an operator's correction), and parked events an operator
 * releases with the gap accepted.
 */
@ApplicationScoped
public class OrderEventsReplayer implements DeadLetterReplayer, EventApplier {

    private final OrderEventsConsumer consumer;
    private final ShipmentService shipments;

    public OrderEventsReplayer(OrderEventsConsumer consumer, ShipmentService shipments) {
        this.consumer = consumer;
        this.shipments = shipments;
    }

    @Override
    public String consumer() {
        return ShipmentService.CONSUMER;
    }

    @Override
    public Uni<Void> apply(List<SequencedEvent> ready) {
        return shipments.applyReleased(ready, consumer::readable).replaceWithVoid();
    }

    @Override
    public Uni<Void> replay(DeadLetter letter, String payload) {
        Map<String, String> headers = letter.headerMap();
        return Uni.createFrom()
                .item(() -> consumer.read(letter.eventId(), headers.get("ce_" + CloudEventAttributes.CORRELATION_ID),
                        payload))
                .chain(received -> shipments.planFor(1, List.of(received)))
                .replaceWithVoid();
    }
}

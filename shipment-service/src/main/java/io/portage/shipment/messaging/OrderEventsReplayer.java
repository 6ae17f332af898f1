package io.portage.shipment.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.CloudEventAttributes;
import io.portage.kit.ops.DeadLetter;
import io.portage.kit.ops.DeadLetterReplayer;
import io.portage.shipment.service.ShipmentService;
import io.smallrye.mutiny.Uni;

/**
 * Replays the order-event consumer's dead letters: the payload (or an operator's correction) is read and applied
 * exactly as the consumer does, through the inbox, so a replay of an event applied already plans nothing twice.
 */
@ApplicationScoped
public class OrderEventsReplayer implements DeadLetterReplayer {

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
    public Uni<Void> replay(DeadLetter letter, String payload) {
        Map<String, String> headers = letter.headerMap();
        return Uni.createFrom()
                .item(() -> consumer.read(letter.eventId(), headers.get("ce_" + CloudEventAttributes.CORRELATION_ID),
                        payload))
                .chain(received -> shipments.planFor(1, List.of(received)))
                .replaceWithVoid();
    }
}

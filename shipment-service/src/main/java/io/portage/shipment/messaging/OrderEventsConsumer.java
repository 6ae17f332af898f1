package io.portage.shipment.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReceived;
import io.portage.shipment.service.ShipmentService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Consumes {@code portage.orders}: plans a shipment for each received order. Other order event types are skipped;
 * a message that cannot be applied is nacked and lands in the dead-letter topic.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final ShipmentService shipments;

    public OrderEventsConsumer(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Incoming("orders-in")
    public Uni<Void> onOrderEvent(Message<OrderReceived> message) {
        Optional<IncomingCloudEventMetadata<?>> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(metadata -> (IncomingCloudEventMetadata<?>) metadata);
        if (cloudEvent.isEmpty() || !EventCatalog.ORDER_RECEIVED_V1.type().equals(cloudEvent.get().getType())) {
            Log.debugf("Skipping %s",
                    cloudEvent.map(IncomingCloudEventMetadata::getType).orElse("a record without CloudEvent headers"));
            return Uni.createFrom().completionStage(message.ack());
        }
        IncomingCloudEventMetadata<?> metadata = cloudEvent.get();
        String correlationId = metadata.getExtension(CloudEventAttributes.CORRELATION_ID).map(Object::toString).orElse(null);
        if (correlationId != null) {
            MDC.put("correlationId", correlationId);
        }
        OrderReceived order = message.getPayload();
        if (order == null || order.orderId() == null || order.customer() == null || order.lines() == null) {
            return Uni.createFrom()
                    .completionStage(message.nack(new IllegalArgumentException(
                            "Event " + metadata.getId() + " has no readable OrderReceived data")));
        }
        return shipments.planFor(order, metadata.getId(), correlationId)
                .onItem()
                .invoke(outcome -> Log.infof("Order %s: %s", order.orderId(), outcome))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithUni(failure -> Uni.createFrom().completionStage(message.nack(failure)))
                .eventually(() -> MDC.remove("correlationId"));
    }
}

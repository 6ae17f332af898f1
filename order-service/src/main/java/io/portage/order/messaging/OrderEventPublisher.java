package io.portage.order.messaging;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReceived;
import io.portage.order.domain.Order;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes order events to {@code portage.orders} as CloudEvents (binary mode), keyed by order id. */
@ApplicationScoped
public class OrderEventPublisher {

    static final URI SOURCE = URI.create("urn:portage:order-service");

    private final MutinyEmitter<OrderReceived> emitter;

    public OrderEventPublisher(@Channel("orders-out") MutinyEmitter<OrderReceived> emitter) {
        this.emitter = emitter;
    }

    /** Completes once Kafka has acknowledged the event (acks=all). */
    public Uni<Void> orderReceived(Order order) {
        OrderReceived data = OrderEventMapper.toOrderReceived(order);
        OutgoingCloudEventMetadata<OrderReceived> cloudEvent = OutgoingCloudEventMetadata.<OrderReceived>builder()
                .withId(UUID.randomUUID().toString())
                .withSource(SOURCE)
                .withType(EventCatalog.ORDER_RECEIVED_V1.type())
                .withSubject(order.id().toString())
                .withDataSchema(EventCatalog.ORDER_RECEIVED_V1.dataschema())
                .withDataContentType("application/json")
                .withTimestamp(order.receivedAt().atZone(ZoneOffset.UTC))
                .withExtension(CloudEventAttributes.CORRELATION_ID, order.correlationId())
                .withExtension(CloudEventAttributes.PARTNER_ID, order.partnerId())
                .withExtension(CloudEventAttributes.SEQUENCE, 1L)
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(order.id().toString())
                .build();
        return emitter.sendMessage(Message.of(data).addMetadata(cloudEvent).addMetadata(record));
    }
}

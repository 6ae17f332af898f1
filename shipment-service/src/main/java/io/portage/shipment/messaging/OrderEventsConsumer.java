package io.portage.shipment.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReceived;
import io.portage.kit.events.EventTracing;
import io.portage.kit.events.SequencedEvent;
import io.portage.kit.ops.DeadLetter;
import io.portage.kit.ops.DeadLetters;
import io.portage.shipment.service.ShipmentService;
import io.portage.shipment.service.ShipmentService.ReceivedOrder;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Consumes {@code portage.orders} in batches (one poll, one transaction): events are put in order per order (the
 * sequencer parks one that arrives before its predecessor), each OrderReceived plans a shipment once (the inbox), other
 * order event types are skipped. A record that cannot be read becomes a dead letter (stored for the operations
 * API, which can replay it, and sent to {@code portage.dlq.shipment-service} with its original headers, the reason and
 * the attempt count), and the batch goes on; a failure to apply (the database away) is retried with
 * backoff and jitter, and after that stops the consumer, so nothing is acknowledged that was not applied.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final String ORDER_RECEIVED = EventCatalog.ORDER_RECEIVED_V1.type();

    private final ShipmentService shipments;
    private final DeadLetters deadLetters;
    private final MutinyEmitter<String> deadLetterTopic;
    private final ObjectMapper json;
    private final EventTracing tracing;
    private final Counter retries;

    public OrderEventsConsumer(ShipmentService shipments, DeadLetters deadLetters,
            @Channel("orders-dlq") MutinyEmitter<String> deadLetterTopic, ObjectMapper json, EventTracing tracing,
            MeterRegistry metrics) {
        this.tracing = tracing;
        this.retries = metrics.counter("portage.consumer.retries", "consumer", ShipmentService.CONSUMER);
        this.shipments = shipments;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.json = json;
    }

    @Incoming("orders-in")
    public Uni<Void> onOrderEvents(KafkaRecordBatch<String, String> batch) {
        List<SequencedEvent> events = new ArrayList<>();
        // Each OrderReceived is read once, at arrival (so a letter keeps its Kafka coordinates); the sequencer may
        // release it in this batch (looked up here) or a later one (read again from the parked copy).
        Map<SequencedEvent, ReceivedOrder> received = new IdentityHashMap<>();
        List<KafkaRecord<String, String>> unreadable = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                SequencedEvent event = SequencedEvent.of(record);
                events.add(event);
                if (ORDER_RECEIVED.equals(event.type())) {
                    received.put(event, read(event));
                }
            } catch (IllegalArgumentException e) {
                unreadable.add(record);
                letters.add(deadLetters.letterFor(ShipmentService.CONSUMER, record, e));
            }
        }
        // Unreadable records are stored (for the operations API) and sent to the dead-letter topic before the batch
        // is acknowledged. Every readable event goes through the sequencer, also types this service ignores and
        // OrderReceived records it dead-lettered (the reader skips them), so each order's position moves on.
        Uni<Void> deadLettered = letters.isEmpty()
                ? Uni.createFrom().voidItem()
                : deadLetters.capture(letters).chain(() -> {
                    List<Uni<Void>> sent = new ArrayList<>();
                    for (int i = 0; i < letters.size(); i++) {
                        sent.add(publishDeadLetter(unreadable.get(i), letters.get(i)));
                    }
                    return Uni.join().all(sent).andFailFast().replaceWithVoid();
                });
        EventTracing.Processing processing = tracing.processing(ShipmentService.CONSUMER, events);
        return deadLettered
                .chain(() -> events.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : shipments.apply(events.size(), events, event -> received.containsKey(event)
                                ? Optional.of(received.get(event))
                                : readable(event))
                                .invoke(outcomes -> Log.debugf("Applied %d order events: %s", events.size(), outcomes))
                                .onFailure()
                                .invoke(failure -> {
                                    retries.increment();
                                    Log.warnf("Applying %d order events failed (%s); retrying", events.size(),
                                            failure.getMessage());
                                })
                                .onFailure()
                                .retry()
                                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                                .withJitter(0.5)
                                .atMost(8)
                                .replaceWithVoid())
                .onItemOrFailure()
                .invoke((applied, failure) -> {
                    if (failure == null) {
                        processing.applied();
                    } else {
                        processing.failed(failure);
                    }
                })
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** The received order in an event this service applies; empty for other types and unreadable records. */
    Optional<ReceivedOrder> readable(SequencedEvent event) {
        if (!ORDER_RECEIVED.equals(event.type())) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(event));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    ReceivedOrder read(SequencedEvent event) {
        return read(event.eventId(), event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID), event.payload());
    }

    /**
     * Reads one OrderReceived as the consumer and the replay of a dead letter both do.
     *
     * @throws IllegalArgumentException when the payload is not a complete OrderReceived
     */
    ReceivedOrder read(String eventId, String correlationId, String payload) {
        OrderReceived order;
        try {
            order = json.readValue(payload, OrderReceived.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an OrderReceived: " + e.getOriginalMessage(), e);
        }
        String missing = eventId == null
                ? "the ce_id header"
                : order == null
                        ? "a payload"
                        : order.orderId() == null
                                ? "orderId"
                                : order.customer() == null
                                        ? "customer"
                                        : order.customer().address() == null
                                                ? "customer.address"
                                                : order.lines() == null || order.lines().isEmpty()
                                                        ? "lines (at least one)"
                                                        : null;
        if (missing != null) {
            throw new IllegalArgumentException("OrderReceived without " + missing);
        }
        return new ReceivedOrder(eventId, correlationId, order);
    }

    private Uni<Void> publishDeadLetter(KafkaRecord<String, String> record, DeadLetter letter) {
        DeadLetter.KafkaCoordinates at = letter.coordinates();
        Header correlation = record.getHeaders().lastHeader("ce_" + CloudEventAttributes.CORRELATION_ID);
        MDC.put("correlationId", correlation == null ? "" : new String(correlation.value(), StandardCharsets.UTF_8));
        try {
            Log.warnf("Dead-lettering %s-%d@%d as %s: %s", at.topic(), at.partition(), at.offset(), letter.id(),
                    letter.reason());
        } finally {
            MDC.remove("correlationId");
        }
        Headers headers = new RecordHeaders();
        for (Header header : record.getHeaders()) {
            headers.add(header);
        }
        headers.add("dead-letter-reason", utf8(letter.reason()));
        headers.add("dead-letter-topic", utf8(at.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(at.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(at.offset())));
        headers.add("dead-letter-attempts", utf8(Integer.toString(letter.attempts())));
        headers.add("dead-letter-consumer", utf8(letter.consumer()));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey())
                .withHeaders(headers)
                .build();
        return deadLetterTopic.sendMessage(Message.of(record.getPayload()).addMetadata(metadata));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

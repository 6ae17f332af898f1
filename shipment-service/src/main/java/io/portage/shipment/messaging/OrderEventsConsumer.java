package io.portage.shipment.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReceived;
import io.portage.shipment.service.ShipmentService;
import io.portage.shipment.service.ShipmentService.ReceivedOrder;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Consumes {@code portage.orders} in batches (one poll, one transaction): each OrderReceived plans a shipment once;
 * other order event types are skipped. A record that cannot be read goes to {@code portage.dlq.shipment-service} with
 * its original headers and the reason, and the batch goes on; a failure to apply (the database away) is retried with
 * backoff and jitter, and after that stops the consumer, so nothing is acknowledged that was not applied.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final ShipmentService shipments;
    private final MutinyEmitter<String> deadLetters;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public OrderEventsConsumer(ShipmentService shipments, @Channel("orders-dlq") MutinyEmitter<String> deadLetters,
            ObjectMapper json, MeterRegistry metrics) {
        this.shipments = shipments;
        this.deadLetters = deadLetters;
        this.json = json;
        this.metrics = metrics;
    }

    @Incoming("orders-in")
    public Uni<Void> onOrderEvents(KafkaRecordBatch<String, String> batch) {
        List<ReceivedOrder> received = new ArrayList<>();
        List<Uni<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            String type = header(record.getHeaders(), "ce_type");
            if (!EventCatalog.ORDER_RECEIVED_V1.type().equals(type)) {
                Log.debugf("Skipping %s", type == null ? "a record without CloudEvent headers" : type);
                continue;
            }
            String eventId = header(record.getHeaders(), "ce_id");
            try {
                OrderReceived order = json.readValue(record.getPayload(), OrderReceived.class);
                if (eventId == null || order == null || order.orderId() == null || order.customer() == null
                        || order.customer().address() == null || order.lines() == null || order.lines().isEmpty()) {
                    throw new IllegalArgumentException("OrderReceived without event id, order id, customer, address or lines");
                }
                received.add(
                        new ReceivedOrder(eventId, header(record.getHeaders(), "ce_" + CloudEventAttributes.CORRELATION_ID),
                                order));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                deadLettered.add(deadLetter(record, e));
            }
        }
        Uni<Void> deadLettersSent = deadLettered.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join()
                        .all(deadLettered)
                        .andFailFast()
                        .replaceWithVoid();
        return deadLettersSent
                .chain(() -> received.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : shipments.planFor(received.size(), received)
                                .invoke(outcomes -> Log.debugf("Applied %d order events: %s", received.size(), outcomes))
                                .onFailure()
                                .invoke(failure -> Log.warnf("Applying %d order events failed (%s); retrying",
                                        received.size(), failure.getMessage()))
                                .onFailure()
                                .retry()
                                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                                .withJitter(0.5)
                                .atMost(8)
                                .replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Uni<Void> deadLetter(KafkaRecord<String, String> record, Exception reason) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        Log.warnf("Dead-lettering %s-%d@%d: %s", record.getTopic(), record.getPartition(), offset, reason.getMessage());
        metrics.counter("portage.dead.letters", "topic", record.getTopic()).increment();
        Headers headers = new RecordHeaders();
        for (Header header : record.getHeaders()) {
            headers.add(header);
        }
        headers.add("dead-letter-reason", utf8(reason.getClass().getSimpleName() + ": " + reason.getMessage()));
        headers.add("dead-letter-topic", utf8(record.getTopic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.getPartition())));
        headers.add("dead-letter-offset", utf8(Long.toString(offset)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey())
                .withHeaders(headers)
                .build();
        return deadLetters.sendMessage(Message.of(record.getPayload()).addMetadata(metadata));
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

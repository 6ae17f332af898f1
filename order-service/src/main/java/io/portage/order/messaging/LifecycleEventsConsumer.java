package io.portage.order.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.kit.events.EventTracing;
import io.portage.kit.events.SequencedEvent;
import io.portage.kit.ops.DeadLetter;
import io.portage.kit.ops.DeadLetters;
import io.portage.order.service.LifecycleEvent;
import io.portage.order.service.OrderLifecycle;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Consumes the fulfilment events of other services and Odoo in batches, one transaction per poll
 * ({@link OrderLifecycle}): {@code portage.warehouse} (consumer {@value OrderLifecycle#WAREHOUSE}),
 * {@code portage.shipments} ({@value OrderLifecycle#SHIPMENTS}) and {@code portage.erp} ({@value OrderLifecycle#ERP}).
 * Records that cannot be read, and events naming a Portage order or shipment this service does not know, become dead
 * letters (stored for the operations API, which replays them, and sent to {@code portage.dlq.order-service}); the batch
 * goes on. A failure to apply (the database away) is retried with backoff and jitter, then stops the consumer, so
 * nothing is acknowledged that was not applied.
 */
@ApplicationScoped
public class LifecycleEventsConsumer {

    private final OrderLifecycle lifecycle;
    private final LifecycleEventReader reader;
    private final DeadLetters deadLetters;
    private final MutinyEmitter<String> deadLetterTopic;
    private final EventTracing tracing;
    private final MeterRegistry metrics;

    public LifecycleEventsConsumer(OrderLifecycle lifecycle, LifecycleEventReader reader, DeadLetters deadLetters,
            @Channel("lifecycle-dlq") MutinyEmitter<String> deadLetterTopic, EventTracing tracing,
            MeterRegistry metrics) {
        this.lifecycle = lifecycle;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    @Incoming("warehouse-in")
    public Uni<Void> onWarehouseEvents(KafkaRecordBatch<String, String> batch) {
        return consume(OrderLifecycle.WAREHOUSE, batch, reader::warehouse);
    }

    @Incoming("shipments-in")
    public Uni<Void> onShipmentEvents(KafkaRecordBatch<String, String> batch) {
        return consume(OrderLifecycle.SHIPMENTS, batch, reader::shipments);
    }

    @Incoming("erp-in")
    public Uni<Void> onErpEvents(KafkaRecordBatch<String, String> batch) {
        return consume(OrderLifecycle.ERP, batch, reader::erp);
    }

    private Uni<Void> consume(String consumer, KafkaRecordBatch<String, String> batch,
            Function<SequencedEvent, List<LifecycleEvent>> read) {
        List<SequencedEvent> events = new ArrayList<>();
        List<LifecycleEvent> facts = new ArrayList<>();
        Map<LifecycleEvent, KafkaRecord<String, String>> recordOf = new IdentityHashMap<>();
        List<KafkaRecord<String, String>> unreadable = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                SequencedEvent event = SequencedEvent.of(record);
                List<LifecycleEvent> inEvent = read.apply(event);
                events.add(event);
                inEvent.forEach(fact -> recordOf.put(fact, record));
                facts.addAll(inEvent);
            } catch (IllegalArgumentException e) {
                unreadable.add(record);
                letters.add(deadLetters.letterFor(consumer, record, e));
            }
        }
        EventTracing.Processing processing = tracing.processing(consumer, events);
        return deadLetter(unreadable, letters)
                .chain(() -> lifecycle.apply(consumer, facts)
                        .onFailure()
                        .invoke(failure -> {
                            metrics.counter("portage.consumer.retries", "consumer", consumer).increment();
                            Log.warnf("Applying %d events of %s failed (%s); retrying", facts.size(), consumer,
                                    failure.getMessage());
                        })
                        .onFailure()
                        .retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                        .withJitter(0.5)
                        .atMost(8))
                .chain(report -> {
                    Log.debugf("%s applied %d events: %s", consumer, facts.size(), report.counts());
                    List<KafkaRecord<String, String>> unknownRecords = new ArrayList<>();
                    List<DeadLetter> unknownLetters = new ArrayList<>();
                    for (LifecycleEvent unknown : report.unknown()) {
                        KafkaRecord<String, String> record = recordOf.get(unknown);
                        unknownRecords.add(record);
                        unknownLetters.add(deadLetters.letterFor(consumer, record, unknownOrder(unknown)));
                    }
                    return deadLetter(unknownRecords, unknownLetters);
                })
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

    /** Why an event naming an order (or shipment) this service does not know cannot be applied yet. */
    static IllegalStateException unknownOrder(LifecycleEvent event) {
        return new IllegalStateException(switch (event.ref().kind()) {
            case SHIPMENT -> "no order known for shipment " + event.ref().value()
                    + " (its io.portage.shipment.created.v1 has not been applied)";
            default -> "no order " + event.ref().value() + " in order-service";
        });
    }

    /** Stores the letters (once per record) and sends them to the dead-letter topic with the original headers. */
    private Uni<Void> deadLetter(List<KafkaRecord<String, String>> records, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return deadLetters.capture(letters).chain(() -> {
            List<Uni<Void>> sent = new ArrayList<>();
            for (int i = 0; i < letters.size(); i++) {
                sent.add(publish(records.get(i), letters.get(i)));
            }
            return Uni.join().all(sent).andFailFast().replaceWithVoid();
        });
    }

    private Uni<Void> publish(KafkaRecord<String, String> record, DeadLetter letter) {
        DeadLetter.KafkaCoordinates at = letter.coordinates();
        Log.warnf("Dead-lettering %s-%d@%d for %s as %s: %s", at.topic(), at.partition(), at.offset(),
                letter.consumer(), letter.id(), letter.reason());
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

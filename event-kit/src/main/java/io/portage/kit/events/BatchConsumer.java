package io.portage.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.Counter;
import io.portage.contracts.CloudEventAttributes;
import io.portage.kit.events.BatchApplier.Item;
import io.portage.kit.ops.DeadLetter;
import io.portage.kit.ops.DeadLetters;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The plumbing of one Kafka batch consumer around a service's {@link BatchHandler}, made by {@link BatchConsumers}: one
 * poll is one transaction. A record that cannot be ordered or read becomes a dead letter (stored for the operations
 * API, which replays it, and sent to the service's {@code portage.dlq.<service>} topic with its original headers, the
 * reason and the attempt count) and the batch goes on; the rest passes the {@link Sequencer} (when the handler is
 * ordered), the {@link Inbox} and the handler; items the handler rejects are dead-lettered after the commit. A failure
 * to apply (the database away) is retried with backoff and jitter, then fails the batch, which stops the consumer:
 * nothing is acknowledged that was not applied.
 */
public final class BatchConsumer<T> {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int RETRIES = 8;

    private final BatchHandler<T> handler;
    private final BatchApplier applier;
    private final Sequencer sequencer;
    private final DeadLetters deadLetters;
    private final MutinyEmitter<String> deadLetterTopic;
    private final EventTracing tracing;
    private final Counter retries;

    BatchConsumer(BatchHandler<T> handler, BatchApplier applier, Sequencer sequencer, DeadLetters deadLetters,
            MutinyEmitter<String> deadLetterTopic, EventTracing tracing, Counter retries) {
        this.handler = handler;
        this.applier = applier;
        this.sequencer = sequencer;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.tracing = tracing;
        this.retries = retries;
    }

    /** A letter to store and publish, with the record (or, for a parked event, the event) it stands for. */
    private record Letter(DeadLetter letter, KafkaRecord<String, String> record, SequencedEvent event) {
    }

    /** Applies one delivered batch and acknowledges it; the returned Uni fails only when applying kept failing. */
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        String consumer = handler.consumer();
        List<SequencedEvent> events = new ArrayList<>();
        // Each event is read once, at arrival (so a letter keeps its Kafka coordinates); the sequencer may release it in
        // this batch (looked up here) or a later one (read again from the parked copy).
        Map<SequencedEvent, List<Item<T>>> readAtArrival = new IdentityHashMap<>();
        List<Letter> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            SequencedEvent event;
            try {
                event = SequencedEvent.of(record);
            } catch (IllegalArgumentException e) {
                unreadable.add(new Letter(deadLetters.letterFor(consumer, record, e), record, null));
                continue;
            }
            try {
                readAtArrival.put(event, BatchApplier.read(handler, event, record));
            } catch (IllegalArgumentException e) {
                unreadable.add(new Letter(deadLetters.letterFor(consumer, record, e), record, null));
                if (!handler.ordered()) {
                    continue;
                }
                // It still passes the sequencer (applying nothing), so its aggregate's position moves on.
                readAtArrival.put(event, List.of());
            }
            events.add(event);
        }
        // An unordered consumer with nothing to apply (types it ignores) needs no transaction.
        boolean nothingToDo = events.isEmpty()
                || !handler.ordered() && readAtArrival.values().stream().allMatch(List::isEmpty);
        EventTracing.Processing processing = tracing.processing(consumer, events);
        return deadLetter(unreadable)
                .chain(() -> nothingToDo
                        ? Uni.createFrom().voidItem()
                        : applyWithRetries(events, readAtArrival).chain(result -> {
                            Log.debugf("%s applied %d events: %s, %d applied before", consumer, events.size(),
                                    result.summary(), result.duplicates());
                            return deadLetter(lettersFor(result.rejected()));
                        }))
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

    private Uni<BatchApplier.Result<T>> applyWithRetries(List<SequencedEvent> events,
            Map<SequencedEvent, List<Item<T>>> readAtArrival) {
        return Panache.withTransaction(() -> ready(events).chain(ready -> {
            List<Item<T>> items = new ArrayList<>();
            for (SequencedEvent event : ready) {
                List<Item<T>> read = readAtArrival.get(event);
                items.addAll(read != null ? read : BatchApplier.readOrNothing(handler, event, null));
            }
            return applier.apply(handler, items);
        }))
                .onFailure()
                .invoke(failure -> {
                    retries.increment();
                    Log.warnf("Applying %d events of %s failed (%s); retrying", events.size(), handler.consumer(),
                            failure.getMessage());
                })
                .onFailure()
                .retry()
                .withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .withJitter(0.5)
                .atMost(RETRIES);
    }

    /** The events that may be applied now: all of them, or for an ordered handler what the sequencer admits. */
    private Uni<List<SequencedEvent>> ready(List<SequencedEvent> events) {
        if (!handler.ordered()) {
            return Uni.createFrom().item(events);
        }
        return sequencer.admit(handler.consumer(), events).map(admission -> {
            if (admission.parked() > 0 || admission.late() > 0) {
                Log.debugf("%s parked %d and dropped %d late events", handler.consumer(), admission.parked(),
                        admission.late());
            }
            return admission.ready();
        });
    }

    /** The letters of rejected items: of their Kafka record, or of the parked event when they came from the park. */
    private List<Letter> lettersFor(List<BatchApplier.Rejection<T>> rejected) {
        String consumer = handler.consumer();
        List<Letter> letters = new ArrayList<>();
        for (BatchApplier.Rejection<T> rejection : rejected) {
            Item<T> item = rejection.item();
            letters.add(item.record() != null
                    ? new Letter(deadLetters.letterFor(consumer, item.record(), rejection.reason()), item.record(), null)
                    : new Letter(deadLetters.letterFor(consumer, item.event(), rejection.reason()), null, item.event()));
        }
        return letters;
    }

    /** Stores the letters (once per record) and sends them to the dead-letter topic with the original headers. */
    private Uni<Void> deadLetter(List<Letter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return deadLetters.capture(letters.stream().map(Letter::letter).toList()).chain(() -> {
            List<Uni<Void>> sent = new ArrayList<>();
            letters.forEach(letter -> sent.add(publish(letter)));
            return Uni.join().all(sent).andFailFast().replaceWithVoid();
        });
    }

    private Uni<Void> publish(Letter letter) {
        DeadLetter dead = letter.letter();
        DeadLetter.KafkaCoordinates at = dead.coordinates();
        Headers headers = new RecordHeaders();
        if (letter.record() != null) {
            for (Header header : letter.record().getHeaders()) {
                headers.add(header);
            }
        } else {
            letter.event().headers().forEach((name, value) -> headers.add(name, utf8(value)));
        }
        Header correlation = headers.lastHeader("ce_" + CloudEventAttributes.CORRELATION_ID);
        MDC.put("correlationId", correlation == null ? "" : new String(correlation.value(), StandardCharsets.UTF_8));
        try {
            Log.warnf("Dead-lettering %s-%d@%d for %s as %s: %s", at.topic(), at.partition(), at.offset(),
                    dead.consumer(), dead.id(), dead.reason());
        } finally {
            MDC.remove("correlationId");
        }
        headers.add("dead-letter-reason", utf8(dead.reason()));
        headers.add("dead-letter-topic", utf8(at.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(at.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(at.offset())));
        headers.add("dead-letter-attempts", utf8(Integer.toString(dead.attempts())));
        headers.add("dead-letter-consumer", utf8(dead.consumer()));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(letter.record() != null ? letter.record().getKey() : letter.event().subject())
                .withHeaders(headers)
                .build();
        String payload = letter.record() != null ? letter.record().getPayload() : letter.event().payload();
        return deadLetterTopic.sendMessage(Message.of(payload).addMetadata(metadata));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

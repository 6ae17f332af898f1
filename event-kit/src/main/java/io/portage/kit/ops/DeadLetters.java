package io.portage.kit.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.kit.events.BatchApplier;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.kit.ops.DeadLetter.KafkaCoordinates;
import io.portage.kit.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The dead letters of this service's consumers, and what operators do with them. A consumer {@link #capture}s a record
 * it cannot apply (stored once per record, however often it is redelivered); an operator lists and inspects them, then
 * replays one, a filtered set or all (through the consumer's {@link DeadLetterReplayer}, so the inbox keeps every
 * effect single), optionally with a corrected payload, or discards one with a reason. Every action is audited, also
 * when it fails.
 */
@ApplicationScoped
public class DeadLetters implements PanacheRepositoryBase<DeadLetter, UUID> {

    /** The most letters one replay request works through. */
    public static final int MAX_REPLAY = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };

    private final Instance<DeadLetterReplayer> replayers;
    private final BatchApplier batches;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public DeadLetters(Instance<DeadLetterReplayer> replayers, BatchApplier batches, AuditLog audit,
            MeterRegistry metrics) {
        this.replayers = replayers;
        this.batches = batches;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Which letters a list or a replay covers; null fields match everything; {@code key} is the record's key (the
     * aggregate, e.g. an order id), {@code error} a text in the reason.
     */
    public record Filter(DeadLetter.Status status, String consumer, String eventType, String topic, String key,
            String error) {

        Filter open() {
            return new Filter(DeadLetter.Status.OPEN, consumer, eventType, topic, key, error);
        }
    }

    /** The letters shown in a dry run's sample. */
    static final int SAMPLE = 5;

    /** What a replay of many letters did. */
    @RegisterForReflection
    public record ReplayReport(int replayed, List<Failure> failed) {

        /** A letter that still could not be applied. */
        @RegisterForReflection
        public record Failure(UUID id, String reason) {
        }
    }

    /**
     * What a replay of many letters would do: {@code matching} open letters match, the first {@code wouldReplay} (at
     * most {@link #MAX_REPLAY}) would go through their consumers, {@code byConsumer} counts those per consumer, and
     * {@code sample} shows the first few.
     */
    @RegisterForReflection
    public record ReplayPreview(boolean dryRun, long matching, int wouldReplay, Map<String, Long> byConsumer,
            List<DeadLetterView> sample) {
    }

    /** A dead letter for {@code record}, as the consumer {@code consumer} failed to apply it for {@code reason}. */
    public DeadLetter letterFor(String consumer, KafkaRecord<String, String> record, Throwable reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.getHeaders()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        return new DeadLetter(consumer, new KafkaCoordinates(record.getTopic(), record.getPartition(), offset),
                record.getKey(), headers.get("ce_id"), headers.get("ce_type"), writeHeaders(headers), record.getPayload(),
                describe(reason), 1, clock.instant());
    }

    /**
     * A dead letter for an event that reached the consumer from the park, not from Kafka: its coordinates are the park
     * ({@code inbox_parked:<subject>}, partition -1, offset = its sequence), one letter per parked event.
     */
    public DeadLetter letterFor(String consumer, SequencedEvent event, Throwable reason) {
        String topic = "inbox_parked:" + event.subject();
        return new DeadLetter(consumer,
                new KafkaCoordinates(topic.length() > 200 ? topic.substring(0, 200) : topic, -1, event.sequence()),
                event.subject(), event.eventId(), event.type(), writeHeaders(new LinkedHashMap<>(event.headers())),
                event.payload(), describe(reason), 1, clock.instant());
    }

    /**
     * A dead letter for what a consumer took from elsewhere than Kafka (the gateway's intake of warehouses' edge events):
     * {@code at} names its source so that the same record rejected again is the same letter.
     */
    public DeadLetter letterFor(String consumer, DeadLetter.KafkaCoordinates at, String key, String eventId,
            String eventType, Map<String, String> headers, String payload, String reason) {
        return new DeadLetter(consumer, at, key, eventId, eventType, writeHeaders(new LinkedHashMap<>(headers)), payload,
                reason, 1, clock.instant());
    }

    /** Stores the letters in their own transaction; a letter stored before (a redelivery) is kept as it was. */
    public Uni<Void> capture(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Multi.createFrom()
                .iterable(letters)
                .onItem()
                .transformToUniAndConcatenate(letter -> find(
                        "consumer = ?1 and topic = ?2 and partition = ?3 and offset = ?4", letter.consumer(),
                        letter.coordinates().topic(), letter.coordinates().partition(), letter.coordinates().offset())
                        .firstResult()
                        .chain(existing -> existing != null ? Uni.createFrom().voidItem() : persist(letter).replaceWithVoid()))
                .collect()
                .last()
                .invoke(() -> letters.forEach(letter -> metrics
                        .counter("portage.dead.letters", "consumer", letter.consumer())
                        .increment()))
                .replaceWithVoid());
    }

    private static Query query(Filter filter) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.consumer() != null) {
            query.append(" and consumer = :consumer");
            parameters.put("consumer", filter.consumer());
        }
        if (filter.eventType() != null) {
            query.append(" and eventType = :eventType");
            parameters.put("eventType", filter.eventType());
        }
        if (filter.topic() != null) {
            query.append(" and topic = :topic");
            parameters.put("topic", filter.topic());
        }
        if (filter.key() != null) {
            query.append(" and this.key = :key");
            parameters.put("key", filter.key());
        }
        if (filter.error() != null) {
            query.append(" and lower(reason) like :error");
            parameters.put("error", "%" + filter.error().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        return new Query(query.toString(), parameters);
    }

    private record Query(String where, Map<String, Object> parameters) {
    }

    public Uni<List<DeadLetter>> list(Filter filter, int limit) {
        Query query = query(filter);
        return Panache.withSession(() -> find(query.where() + " order by createdAt, id", query.parameters())
                .page(0, limit)
                .list());
    }

    /** A dry run of {@link #replayAll}: nothing is replayed, nothing changes. */
    public Uni<ReplayPreview> preview(Filter filter, Instant now) {
        Filter open = filter.open();
        Query query = query(open);
        return Panache.withSession(() -> count(query.where(), query.parameters())
                .chain(matching -> list(open, MAX_REPLAY).map(letters -> {
                    Map<String, Long> byConsumer = new TreeMap<>();
                    letters.forEach(letter -> byConsumer.merge(letter.consumer(), 1L, Long::sum));
                    return new ReplayPreview(true, matching, letters.size(), byConsumer, letters.stream()
                            .limit(SAMPLE)
                            .map(letter -> DeadLetterView.summary(letter, now))
                            .toList());
                })));
    }

    public Uni<DeadLetter> get(UUID id) {
        return Panache.withSession(() -> findById(id))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Dead letter", id));
    }

    /**
     * Applies one open letter again through its consumer, with {@code correctedPayload} instead of the original when
     * given. Answers the letter, now REPLAYED; fails with 409 when it is not open and 422 when it still cannot be
     * applied (it stays open, with the new reason and one more attempt).
     */
    public Uni<DeadLetter> replay(UUID id, String actor, String correctedPayload, String correlationId) {
        String target = "dead-letter:" + id;
        String detail = correctedPayload == null ? "original payload" : "corrected payload";
        return Panache.withTransaction(() -> open(id).chain(letter -> replayThroughConsumer(letter,
                correctedPayload == null ? letter.payload() : correctedPayload)
                .chain(() -> {
                    letter.replayed(actor, correctedPayload, clock.instant());
                    metrics.counter("portage.dead.letters.replayed", "consumer", letter.consumer()).increment();
                    return audit.record(actor, "dead-letter.replay", target, "done", detail, correlationId)
                            .replaceWith(letter);
                })))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .recoverWithUni(failure -> replayFailed(id, actor, target, detail, failure, correlationId));
    }

    /** Replays every open letter the filter matches (oldest first, at most {@link #MAX_REPLAY}), one at a time. */
    public Uni<ReplayReport> replayAll(Filter filter, String actor, String correlationId) {
        Filter open = filter.open();
        return list(open, MAX_REPLAY).chain(letters -> Multi.createFrom()
                .iterable(letters)
                .onItem()
                .transformToUniAndConcatenate(letter -> replay(letter.id(), actor, null, correlationId)
                        .map(replayed -> (ReplayReport.Failure) null)
                        .onFailure()
                        .recoverWithItem(failure -> new ReplayReport.Failure(letter.id(), failure.getMessage())))
                .collect()
                .asList()
                .map(results -> {
                    List<ReplayReport.Failure> failed = new ArrayList<>();
                    results.stream().filter(result -> result != null).forEach(failed::add);
                    return new ReplayReport(results.size() - failed.size(), failed);
                }));
    }

    /** Closes an open letter without applying it; {@code reason} goes to the audit trail. */
    public Uni<DeadLetter> discard(UUID id, String actor, String reason, String correlationId) {
        return Panache.withTransaction(() -> open(id).chain(letter -> {
            letter.discarded(actor, clock.instant());
            metrics.counter("portage.dead.letters.discarded", "consumer", letter.consumer()).increment();
            return audit.record(actor, "dead-letter.discard", "dead-letter:" + id, "done", reason, correlationId)
                    .replaceWith(letter);
        }));
    }

    private Uni<DeadLetter> open(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Dead letter", id)).invoke(letter -> {
            if (letter.status() != DeadLetter.Status.OPEN) {
                throw new ProblemException(409, "dead-letter-closed", "Dead letter is closed",
                        "Dead letter " + id + " is " + letter.status() + " (by " + letter.resolvedBy() + ")");
            }
        });
    }

    private Uni<DeadLetter> replayFailed(UUID id, String actor, String target, String detail, Throwable failure,
            String correlationId) {
        String why = describe(failure);
        Log.warnf("Replay of dead letter %s failed: %s", id, why);
        return Panache.withTransaction(() -> findById(id).chain(letter -> {
            letter.replayFailed(why, clock.instant());
            metrics.counter("portage.dead.letters.replay.failures", "consumer", letter.consumer()).increment();
            return audit.record(actor, "dead-letter.replay", target, "failed", detail + ": " + why, correlationId);
        }))
                .chain(() -> Uni.createFrom()
                        .failure(new ProblemException(422, "replay-failed", "Replay failed",
                                "Dead letter " + id + " still cannot be applied: " + why)));
    }

    /** Through the consumer's own {@link DeadLetterReplayer}, else the kit's for its {@link BatchHandler}. */
    private Uni<Void> replayThroughConsumer(DeadLetter letter, String payload) {
        for (DeadLetterReplayer replayer : replayers) {
            if (replayer.consumer().equals(letter.consumer())) {
                return replayer.replay(letter, payload);
            }
        }
        Optional<BatchHandler<?>> handler = batches.handler(letter.consumer());
        if (handler.isPresent()) {
            return batches.replay(handler.get(), letter, payload);
        }
        throw new ProblemException(409, "no-replayer", "Cannot replay",
                "This service has no consumer named " + letter.consumer() + " to replay dead letter " + letter.id());
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String writeHeaders(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> readHeaders(String headers) {
        try {
            return JSON.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored headers are not a JSON object", e);
        }
    }
}

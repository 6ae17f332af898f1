package io.portage.kit.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.portage.kit.ops.DeadLetter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Applies what a {@link BatchHandler} read through the inbox, in the caller's transaction: the core shared by the Kafka
 * path ({@link BatchConsumer}), the replay of a dead letter and the parked events an operator releases.
 */
@ApplicationScoped
public class BatchApplier {

    private final Inbox inbox;
    private final Instance<BatchHandler<?>> handlers;

    public BatchApplier(Inbox inbox, Instance<BatchHandler<?>> handlers) {
        this.inbox = inbox;
        this.handlers = handlers;
    }

    /** One item read from one event, with the Kafka record it arrived in (null for a parked or replayed event). */
    record Item<T>(SequencedEvent event, KafkaRecord<String, String> record, T value) {
    }

    /** An item the handler rejected, and why. */
    record Rejection<T>(Item<T> item, RuntimeException reason) {
    }

    /** What applying a batch did: the handler's summary, how many items were applied before, and the rejected ones. */
    record Result<T>(Object summary, int duplicates, List<Rejection<T>> rejected) {
    }

    /** The handler of {@code consumer}, if this service has one. */
    public Optional<BatchHandler<?>> handler(String consumer) {
        for (BatchHandler<?> handler : handlers) {
            if (handler.consumer().equals(consumer)) {
                return Optional.of(handler);
            }
        }
        return Optional.empty();
    }

    /** The items of one event; the handler's {@link IllegalArgumentException} passes through. */
    static <T> List<Item<T>> read(BatchHandler<T> handler, SequencedEvent event, KafkaRecord<String, String> record) {
        List<T> values = handler.read(event);
        List<Item<T>> items = new ArrayList<>(values.size());
        values.forEach(value -> items.add(new Item<>(event, record, value)));
        return items;
    }

    /** Records the first deliveries in the inbox and has the handler apply them, in the caller's transaction. */
    <T> Uni<Result<T>> apply(BatchHandler<T> handler, List<Item<T>> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(new Result<>(Map.of(), 0, List.of()));
        }
        String consumer = handler.consumer();
        return inbox.record(consumer, items, item -> handler.inboxKey(item.value()), item -> item.event().type())
                .chain(fresh -> {
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(new Result<T>(Map.of(), items.size(), List.of()));
                    }
                    Map<T, Item<T>> itemOf = new IdentityHashMap<>();
                    fresh.forEach(item -> itemOf.put(item.value(), item));
                    return handler.apply(fresh.stream().map(Item::value).toList()).chain(applied -> {
                        List<String> notApplied = new ArrayList<>();
                        applied.skipped().forEach(value -> notApplied.add(handler.inboxKey(value)));
                        List<Rejection<T>> rejected = new ArrayList<>();
                        for (BatchHandler.Rejected<T> rejection : applied.rejected()) {
                            notApplied.add(handler.inboxKey(rejection.item()));
                            rejected.add(new Rejection<>(itemOf.get(rejection.item()), rejection.reason()));
                        }
                        return inbox.forget(consumer, notApplied)
                                .invoke(() -> inbox.countApplied(consumer, fresh.size() - notApplied.size()))
                                .replaceWith(new Result<>(applied.summary(), items.size() - fresh.size(), rejected));
                    });
                });
    }

    /**
     * Applies one dead letter of {@code handler}'s consumer again, read as the consumer reads it (with {@code payload},
     * the original or a correction), through the inbox and without ordering (its place was settled when it first
     * arrived). Fails when it cannot be read or the handler rejects it.
     */
    public <T> Uni<Void> replay(BatchHandler<T> handler, DeadLetter letter, String payload) {
        return Uni.createFrom()
                .item(() -> read(handler, eventOf(letter, payload), null))
                .chain(items -> Panache.withTransaction(() -> apply(handler, items)))
                .invoke(BatchApplier::failOnRejection)
                .replaceWithVoid();
    }

    /**
     * Applies events the sequencer released outside the Kafka path (parked ones an operator let through with the gap
     * accepted), in the caller's transaction. An event that cannot be read was dead-lettered when it arrived and is
     * passed over.
     */
    public <T> Uni<Void> applyReleased(BatchHandler<T> handler, List<SequencedEvent> ready) {
        List<Item<T>> items = new ArrayList<>();
        for (SequencedEvent event : ready) {
            items.addAll(readOrNothing(handler, event, null));
        }
        return apply(handler, items).invoke(BatchApplier::failOnRejection).replaceWithVoid();
    }

    /** The items of an event dead-lettered already when it arrived (its read failed then): none. */
    static <T> List<Item<T>> readOrNothing(BatchHandler<T> handler, SequencedEvent event,
            KafkaRecord<String, String> record) {
        try {
            return read(handler, event, record);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static void failOnRejection(Result<?> result) {
        if (!result.rejected().isEmpty()) {
            throw result.rejected().get(0).reason();
        }
    }

    /** The event a dead letter holds, with {@code payload} in place of its own. */
    static SequencedEvent eventOf(DeadLetter letter, String payload) {
        Map<String, String> headers = new HashMap<>(letter.headerMap());
        headers.values().removeIf(Objects::isNull);
        if (letter.eventId() == null || letter.eventType() == null) {
            throw new IllegalArgumentException("the letter has no ce_id or ce_type header");
        }
        String subject = headers.getOrDefault("ce_subject", letter.key());
        long sequence;
        try {
            sequence = Long.parseLong(headers.getOrDefault("ce_sequence", "1").trim());
        } catch (NumberFormatException e) {
            sequence = 1;
        }
        return new SequencedEvent(letter.eventId(), letter.eventType(), subject == null ? "" : subject,
                Math.max(1, sequence), headers, payload);
    }
}

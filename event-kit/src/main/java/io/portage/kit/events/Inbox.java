package io.portage.kit.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The idempotent inbox: a consumer applies an event at most once per event id. {@link #firstDeliveries} is called
 * inside the transaction that applies the events: it drops every event the consumer applied before (or that appears
 * twice in the batch) and records the rest, so the records commit with their effects or not at all. A redelivery, a
 * replay, or a duplicate the outbox sent after a crash then changes nothing; duplicates are counted
 * ({@code portage.inbox.duplicates}, per consumer).
 */
@ApplicationScoped
public class Inbox implements PanacheRepositoryBase<InboxEntry, InboxEntry.Key> {

    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public Inbox(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Records the first deliveries of a batch and answers which they are, in one statement: rows that exist already
     * (applied before, or by a concurrent delivery that committed first) are skipped by the primary key.
     */
    private static final String RECORD_FIRST_DELIVERIES = """
            insert into {h-schema}inbox_event (consumer, event_id, type, applied_at)
            select :consumer, delivered.event_id, delivered.type, :now
            from unnest(cast(:ids as varchar[]), cast(:types as varchar[])) as delivered(event_id, type)
            on conflict do nothing
            returning event_id""";

    /** Removes the records of events a consumer passed over or rejected, so a later delivery applies them. */
    private static final String FORGET = """
            delete from {h-schema}inbox_event
            where consumer = :consumer and event_id = any(cast(:ids as varchar[]))""";

    /** The events of {@code batch} that {@code consumer} has not applied before, in batch order, now recorded. */
    public <E> Uni<List<E>> firstDeliveries(String consumer, List<E> batch, Function<E, String> eventId,
            Function<E, String> type) {
        return record(consumer, batch, eventId, type).invoke(fresh -> countApplied(consumer, fresh.size()));
    }

    /** Counts {@code applied} first deliveries of {@code consumer} ({@code portage.inbox.applied}). */
    void countApplied(String consumer, int applied) {
        metrics.counter("portage.inbox.applied", "consumer", consumer).increment(applied);
    }

    /**
     * Drops the records of events {@code consumer} recorded in this transaction but did not apply (it passed over or
     * rejected them): they are first deliveries again next time.
     */
    Uni<Void> forget(String consumer, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return getSession().chain(session -> session.createNativeQuery(FORGET)
                .setParameter("consumer", consumer)
                .setParameter("ids", eventIds.toArray(String[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    /** {@link #firstDeliveries} without counting them applied: the caller counts what it applied in the end. */
    <E> Uni<List<E>> record(String consumer, List<E> batch, Function<E, String> eventId, Function<E, String> type) {
        Map<String, E> distinct = new LinkedHashMap<>();
        batch.forEach(event -> distinct.putIfAbsent(eventId.apply(event), event));
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] ids = distinct.keySet().toArray(String[]::new);
        String[] types = distinct.values().stream().map(type).toArray(String[]::new);
        return getSession().chain(session -> session.createNativeQuery(RECORD_FIRST_DELIVERIES, String.class)
                .setParameter("consumer", consumer)
                .setParameter("ids", ids)
                .setParameter("types", types)
                .setParameter("now", clock.instant())
                .getResultList()).map(recorded -> {
                    Set<String> first = new HashSet<>(recorded);
                    List<E> fresh = new ArrayList<>(first.size());
                    distinct.forEach((id, event) -> {
                        if (first.contains(id)) {
                            fresh.add(event);
                        }
                    });
                    int duplicates = batch.size() - fresh.size();
                    if (duplicates > 0) {
                        metrics.counter("portage.inbox.duplicates", "consumer", consumer).increment(duplicates);
                    }
                    return fresh;
                });
    }
}

package io.portage.kit.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** The events of {@code batch} that {@code consumer} has not applied before, in batch order, now recorded. */
    public <E> Uni<List<E>> firstDeliveries(String consumer, List<E> batch, Function<E, String> eventId,
            Function<E, String> type) {
        Map<String, E> distinct = new LinkedHashMap<>();
        batch.forEach(event -> distinct.putIfAbsent(eventId.apply(event), event));
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("consumer = ?1 and eventId in ?2", consumer, List.copyOf(distinct.keySet())).list().chain(seen -> {
            Set<String> applied = seen.stream().map(InboxEntry::eventId).collect(Collectors.toSet());
            List<E> fresh = new ArrayList<>();
            List<InboxEntry> entries = new ArrayList<>();
            Instant now = clock.instant();
            distinct.forEach((id, event) -> {
                if (!applied.contains(id)) {
                    fresh.add(event);
                    entries.add(new InboxEntry(consumer, id, type.apply(event), now));
                }
            });
            int duplicates = batch.size() - fresh.size();
            if (duplicates > 0) {
                metrics.counter("portage.inbox.duplicates", "consumer", consumer).increment(duplicates);
            }
            metrics.counter("portage.inbox.applied", "consumer", consumer).increment(fresh.size());
            // persist() of an empty list fails ("The Uni set is empty"): a batch of duplicates only writes nothing.
            return entries.isEmpty() ? Uni.createFrom().item(fresh) : persist(entries).replaceWith(fresh);
        });
    }
}

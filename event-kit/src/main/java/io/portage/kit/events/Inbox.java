package io.portage.kit.events;

import java.time.Clock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The idempotent inbox: a consumer applies an event at most once per event id. {@link #applyOnce} records the event
 * id in the same transaction as its effect, so a redelivery, a replay or a duplicate sent by the outbox after a
 * crash finds the record and changes nothing; duplicates are counted ({@code portage.inbox.duplicates}).
 */
@ApplicationScoped
public class Inbox implements PanacheRepositoryBase<InboxEntry, InboxEntry.Key> {

    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public Inbox(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * In one transaction: unless {@code consumer} has applied {@code eventId} before, runs {@code effect}, records the
     * event and answers the effect's result; for a duplicate it answers {@code whenDuplicate} and changes nothing.
     */
    public <T> Uni<T> applyOnce(String consumer, String eventId, String type, Supplier<Uni<T>> effect, T whenDuplicate) {
        return Panache.withTransaction(() -> findById(new InboxEntry.Key(consumer, eventId)).chain(seen -> {
            if (seen != null) {
                metrics.counter("portage.inbox.duplicates", "consumer", consumer).increment();
                return Uni.createFrom().item(whenDuplicate);
            }
            return effect.get()
                    .call(() -> persist(new InboxEntry(consumer, eventId, type, clock.instant())))
                    .invoke(() -> metrics.counter("portage.inbox.applied", "consumer", consumer).increment());
        }));
    }
}

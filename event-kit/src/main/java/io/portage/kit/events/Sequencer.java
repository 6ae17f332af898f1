package io.portage.kit.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Per-aggregate ordering for a consumer. Events carry a per-aggregate {@code sequence} (1, 2, 3, ...); {@link #admit},
 * called inside the transaction that applies a batch, answers the events that may be applied now, in sequence order
 * per aggregate: the next expected ones, followed by any parked successors they unblock. An event whose predecessor
 * has not been applied is parked in {@code inbox_parked} (with its headers and payload) and released when the
 * predecessor arrives; an event at or below the last applied sequence is late (a redelivery, or a replay of history)
 * and dropped. Parking, release and positions commit with the effects, so a crash never loses a parked event.
 *
 * <p>
 * A consumer passes every event of the topic through, including types it ignores, so positions advance over them.
 */
@ApplicationScoped
public class Sequencer {

    private final InboxPositions positions;
    private final ParkedEvents parked;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public Sequencer(InboxPositions positions, ParkedEvents parked, MeterRegistry metrics) {
        this.positions = positions;
        this.parked = parked;
        this.metrics = metrics;
    }

    /** What {@link #admit} decided for a batch. */
    public record Admission(List<SequencedEvent> ready, int parked, int late) {
    }

    /** One aggregate's events under consideration: parked ones (already stored) and new ones. */
    private record Candidate(SequencedEvent event, boolean wasParked) {
    }

    /** The events of {@code batch} (and parked ones) that {@code consumer} may apply now, in order per aggregate. */
    public Uni<Admission> admit(String consumer, List<SequencedEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(new Admission(List.of(), 0, 0));
        }
        Map<String, TreeMap<Long, Candidate>> bySubject = new LinkedHashMap<>();
        batch.forEach(event -> bySubject.computeIfAbsent(event.subject(), subject -> new TreeMap<>()));
        List<String> subjects = List.copyOf(bySubject.keySet());
        return positions.find("consumer = ?1 and subject in ?2", consumer, subjects)
                .list()
                .chain(known -> parked.find("consumer = ?1 and subject in ?2", consumer, subjects)
                        .list()
                        .chain(waiting -> decide(consumer, batch, bySubject, known, waiting)));
    }

    private Uni<Admission> decide(String consumer, List<SequencedEvent> batch,
            Map<String, TreeMap<Long, Candidate>> bySubject, List<InboxPosition> known, List<ParkedEvent> waiting) {
        Instant now = clock.instant();
        Map<String, InboxPosition> positionOf = new HashMap<>();
        known.forEach(position -> positionOf.put(position.subject(), position));
        waiting.forEach(event -> bySubject.get(event.subject()).put(event.sequence(), new Candidate(event.event(), true)));
        int late = 0;
        for (SequencedEvent event : batch) {
            // The same sequence twice (a redelivery, or already parked) counts once.
            if (bySubject.get(event.subject()).putIfAbsent(event.sequence(), new Candidate(event, false)) != null) {
                late++;
            }
        }

        List<SequencedEvent> ready = new ArrayList<>();
        List<ParkedEvent> toPark = new ArrayList<>();
        List<InboxPosition> created = new ArrayList<>();
        Map<String, Long> released = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Long, Candidate>> entry : bySubject.entrySet()) {
            String subject = entry.getKey();
            InboxPosition position = positionOf.get(subject);
            long last = position == null ? 0 : position.lastSequence();
            long start = last;
            boolean releasesParked = false;
            for (Candidate candidate : entry.getValue().values()) {
                long sequence = candidate.event().sequence();
                if (sequence <= last) {
                    late += candidate.wasParked() ? 0 : 1;
                    releasesParked |= candidate.wasParked();
                } else if (sequence == last + 1) {
                    ready.add(candidate.event());
                    last = sequence;
                    releasesParked |= candidate.wasParked();
                } else if (!candidate.wasParked()) {
                    toPark.add(new ParkedEvent(consumer, candidate.event(), now));
                }
            }
            if (last != start) {
                if (position == null) {
                    created.add(new InboxPosition(consumer, subject, last, now));
                } else {
                    position.advanceTo(last, now);
                }
            }
            if (releasesParked) {
                released.put(subject, last);
            }
        }

        int lateCount = late;
        metrics.counter("portage.inbox.parked", "consumer", consumer).increment(toPark.size());
        metrics.counter("portage.inbox.late", "consumer", consumer).increment(lateCount);
        Uni<Void> stored = Uni.createFrom().voidItem();
        if (!created.isEmpty()) {
            stored = stored.chain(() -> positions.persist(created));
        }
        if (!toPark.isEmpty()) {
            stored = stored.chain(() -> parked.persist(toPark));
        }
        if (!released.isEmpty()) {
            stored = stored.chain(() -> Multi.createFrom()
                    .iterable(released.entrySet())
                    .onItem()
                    .transformToUniAndConcatenate(subject -> parked.delete(
                            "consumer = ?1 and subject = ?2 and sequence <= ?3", consumer, subject.getKey(),
                            subject.getValue()))
                    .collect()
                    .last()
                    .replaceWithVoid());
        }
        return stored.replaceWith(new Admission(List.copyOf(ready), toPark.size(), lateCount));
    }

    /**
     * Accepts that the events before the oldest parked one of {@code subject} will not come: moves the position up to
     * it and answers the parked events that are now in order (removed from the park), in the caller's transaction.
     */
    public Uni<List<SequencedEvent>> acceptGap(String consumer, String subject) {
        return parked.find("consumer = ?1 and subject = ?2 order by sequence", consumer, subject).list().chain(waiting -> {
            if (waiting.isEmpty()) {
                return Uni.createFrom().item(List.<SequencedEvent>of());
            }
            long before = waiting.get(0).sequence() - 1;
            return positions.findById(new InboxPosition.Key(consumer, subject)).chain(found -> {
                Instant now = clock.instant();
                InboxPosition position = found == null ? new InboxPosition(consumer, subject, before, now) : found;
                position.advanceTo(Math.max(position.lastSequence(), before), now);
                Uni<Void> stored = found == null
                        ? positions.persist(position).replaceWithVoid()
                        : Uni.createFrom().voidItem();
                Map<String, TreeMap<Long, Candidate>> bySubject = new LinkedHashMap<>();
                bySubject.put(subject, new TreeMap<>());
                return stored.chain(() -> decide(consumer, List.of(), bySubject, List.of(position), waiting))
                        .map(Admission::ready);
            });
        });
    }

    /** How long the events of one aggregate have waited for a predecessor. */
    public record Overdue(String consumer, String subject, Instant since, long firstParked, long count) {
    }

    /** The aggregates whose oldest parked event has waited since before {@code cutoff}. */
    public Uni<List<Overdue>> overdue(Instant cutoff) {
        return parked.getSession()
                .chain(session -> session.createSelectionQuery("""
                        select consumer, subject, min(parkedAt), min(sequence), count(*) from ParkedEvent
                        group by consumer, subject having min(parkedAt) < :cutoff""", Object[].class)
                        .setParameter("cutoff", cutoff)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Overdue((String) row[0], (String) row[1], (Instant) row[2], (Long) row[3],
                                (Long) row[4]))
                        .toList());
    }

    /** The events waiting for a predecessor, oldest first, for the operations API. */
    public Uni<List<ParkedEvent>> parked(String consumer, int limit) {
        return Panache.withSession(() -> (consumer == null
                ? parked.find("order by parkedAt, consumer, subject, sequence")
                : parked.find("consumer = ?1 order by parkedAt, subject, sequence", consumer)).page(0, limit).list());
    }
}

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

    private final ParkedEvents parked;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public Sequencer(ParkedEvents parked, MeterRegistry metrics) {
        this.parked = parked;
        this.metrics = metrics;
    }

    /** What {@link #admit} decided for a batch. */
    public record Admission(List<SequencedEvent> ready, int parked, int late) {
    }

    /** One aggregate's events under consideration: parked ones (already stored) and new ones. */
    private record Candidate(SequencedEvent event, boolean wasParked) {
    }

    /*
     * The hot path is set-based: one statement reads the batch's positions, one its parked events, one writes every
     * position that moved, whatever the batch size (arrays, not IN lists, so each statement is prepared once).
     */
    private static final String POSITIONS = """
            select subject, last_sequence from {h-schema}inbox_position
            where consumer = :consumer and subject = any(cast(:subjects as varchar[]))""";
    private static final String PARKED = """
            select * from {h-schema}inbox_parked
            where consumer = :consumer and subject = any(cast(:subjects as varchar[]))""";
    private static final String ADVANCE = """
            insert into {h-schema}inbox_position (consumer, subject, last_sequence, updated_at)
            select :consumer, moved.subject, moved.last_sequence, :now
            from unnest(cast(:subjects as varchar[]), cast(:sequences as bigint[])) as moved(subject, last_sequence)
            on conflict (consumer, subject) do update
            set last_sequence = greatest({h-schema}inbox_position.last_sequence, excluded.last_sequence),
                updated_at = excluded.updated_at""";
    private static final String RELEASE = """
            delete from {h-schema}inbox_parked parked
            using unnest(cast(:subjects as varchar[]), cast(:sequences as bigint[])) as released(subject, up_to)
            where parked.consumer = :consumer and parked.subject = released.subject and parked.sequence <= released.up_to""";

    /** The events of {@code batch} (and parked ones) that {@code consumer} may apply now, in order per aggregate. */
    public Uni<Admission> admit(String consumer, List<SequencedEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(new Admission(List.of(), 0, 0));
        }
        Map<String, TreeMap<Long, Candidate>> bySubject = new LinkedHashMap<>();
        batch.forEach(event -> bySubject.computeIfAbsent(event.subject(), subject -> new TreeMap<>()));
        String[] subjects = bySubject.keySet().toArray(String[]::new);
        return lastSequences(consumer, subjects).chain(known -> Panache.getSession()
                .chain(session -> session.createNativeQuery(PARKED, ParkedEvent.class)
                        .setParameter("consumer", consumer)
                        .setParameter("subjects", subjects)
                        .getResultList())
                .chain(waiting -> decide(consumer, batch, bySubject, known, waiting)));
    }

    private Uni<Map<String, Long>> lastSequences(String consumer, String[] subjects) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(POSITIONS, Object[].class)
                        .setParameter("consumer", consumer)
                        .setParameter("subjects", subjects)
                        .getResultList())
                .map(rows -> {
                    Map<String, Long> last = new HashMap<>();
                    rows.forEach(row -> last.put((String) row[0], ((Number) row[1]).longValue()));
                    return last;
                });
    }

    private Uni<Admission> decide(String consumer, List<SequencedEvent> batch,
            Map<String, TreeMap<Long, Candidate>> bySubject, Map<String, Long> known, List<ParkedEvent> waiting) {
        Instant now = clock.instant();
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
        Map<String, Long> moved = new LinkedHashMap<>();
        Map<String, Long> released = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Long, Candidate>> entry : bySubject.entrySet()) {
            String subject = entry.getKey();
            long start = known.getOrDefault(subject, 0L);
            long last = start;
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
                moved.put(subject, last);
            }
            if (releasesParked) {
                released.put(subject, last);
            }
        }

        int lateCount = late;
        metrics.counter("portage.inbox.parked", "consumer", consumer).increment(toPark.size());
        metrics.counter("portage.inbox.late", "consumer", consumer).increment(lateCount);
        Uni<Void> stored = Uni.createFrom().voidItem();
        if (!moved.isEmpty()) {
            stored = stored.chain(() -> update(ADVANCE, consumer, moved, now));
        }
        if (!toPark.isEmpty()) {
            stored = stored.chain(() -> parked.persist(toPark));
        }
        if (!released.isEmpty()) {
            // The released events were loaded into this session: detach them so the session does not track rows
            // this statement deletes.
            stored = stored.chain(() -> Panache.getSession().invoke(session -> waiting.forEach(session::detach)))
                    .chain(() -> update(RELEASE, consumer, released, null));
        }
        return stored.replaceWith(new Admission(List.copyOf(ready), toPark.size(), lateCount));
    }

    /** Runs {@link #ADVANCE} or {@link #RELEASE} for a map of subject to sequence. */
    private Uni<Void> update(String statement, String consumer, Map<String, Long> sequences, Instant now) {
        String[] subjects = sequences.keySet().toArray(String[]::new);
        Long[] values = sequences.values().toArray(Long[]::new);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement)
                    .setParameter("consumer", consumer)
                    .setParameter("subjects", subjects)
                    .setParameter("sequences", values);
            if (now != null) {
                query.setParameter("now", now);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
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
            return lastSequences(consumer, new String[]{subject}).chain(known -> {
                Map<String, Long> from = new HashMap<>();
                from.put(subject, Math.max(known.getOrDefault(subject, 0L), before));
                Map<String, TreeMap<Long, Candidate>> bySubject = new LinkedHashMap<>();
                bySubject.put(subject, new TreeMap<>());
                return decide(consumer, List.of(), bySubject, from, waiting).map(Admission::ready);
            });
        });
    }

    /** How long the events of one aggregate have waited for a predecessor. */
    public record Overdue(String consumer, String subject, Instant since, long firstParked, long count) {
    }

    /** The aggregates whose oldest parked event has waited since before {@code cutoff}. */
    public Uni<List<Overdue>> overdue(Instant cutoff) {
        return Panache.getSession()
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

package io.portage.gateway.edge;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.edge.EdgeEventMapper.Canonical;
import io.portage.gateway.edge.EdgeEventMapper.Mapped;
import io.portage.gateway.edge.EdgeEventMapper.Outcome;
import io.portage.gateway.edge.EdgeEventMapper.Refused;
import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Inbox;
import io.portage.kit.events.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Takes a batch of a warehouse's edge events in: each is mapped to its canonical event (or refused for good, with the
 * reason), deduplicated by its edge id and staged in the outbox, in one transaction, before the batch is answered. An
 * answered {@code accepted} is therefore committed, and {@code duplicate} means an earlier batch committed it: the
 * edge may forget both; a {@code rejected} one is kept as the gateway's dead letter ({@link EdgeRejections}). Events
 * of one aggregate are numbered (CloudEvents {@code sequence}) in the order they came, across batches, so consumers
 * apply them in that order.
 */
@ApplicationScoped
public class EdgeIntake {

    /** The inbox consumer under which edge event ids are remembered. */
    static final String CONSUMER = "edge-intake";
    static final URI SOURCE = URI.create("urn:portage:gateway:edge");

    private static final String NEXT_SEQUENCES = """
            insert into {h-schema}edge_sequence (subject, last_sequence)
            select taken.subject, taken.count
            from unnest(cast(:subjects as varchar[]), cast(:counts as bigint[])) as taken(subject, count)
            on conflict (subject) do update set last_sequence = edge_sequence.last_sequence + excluded.last_sequence
            returning subject, last_sequence""";

    private static final String FORGET = """
            delete from {h-schema}inbox_event where consumer = :consumer and applied_at < :before""";

    private final Inbox inbox;
    private final Outbox outbox;
    private final EdgeRejections rejections;
    private final MeterRegistry metrics;
    private final Duration retention;

    public EdgeIntake(Inbox inbox, Outbox outbox, EdgeRejections rejections, MeterRegistry metrics, GatewayConfig config) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.rejections = rejections;
        this.metrics = metrics;
        this.retention = config.edge().retention();
    }

    /** One event's answer: {@code accepted}, {@code duplicate} or {@code rejected} with the reason. */
    public record Result(String id, String status, String reason) {

        static Result accepted(String id) {
            return new Result(id, "accepted", null);
        }

        static Result duplicate(String id) {
            return new Result(id, "duplicate", null);
        }

        static Result rejected(String id, String reason) {
            return new Result(id, "rejected", reason);
        }
    }

    private record Taken(String id, int position, Canonical event) {
    }

    /**
     * Takes {@code events} (JSON objects whose {@code id} the caller has checked is a UUID) of site {@code site},
     * sent by {@code partnerId}; answers one result per event, in order.
     */
    @WithSpan("EdgeIntake.take")
    public Uni<List<Result>> take(@SpanAttribute("portage.site") String site, String partnerId, List<JsonNode> events,
            String correlationId) {
        return apply(site, partnerId, events, correlationId).call(results -> {
            List<EdgeRejections.Rejected> rejected = new ArrayList<>();
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                switch (results.get(i).status()) {
                    case "rejected" -> rejected.add(new EdgeRejections.Rejected(events.get(i), results.get(i).reason()));
                    case "accepted" -> accepted.add(results.get(i).id());
                    default -> {
                        // A duplicate was settled when first accepted.
                    }
                }
            }
            // Kept before the edge is answered: a rejection the edge forgets is still here for operators.
            return rejections.keep(site, partnerId, correlationId, rejected)
                    .chain(() -> rejections.settleAccepted(site, accepted, correlationId));
        });
    }

    /**
     * Maps, deduplicates and stages {@code events} as {@link #take} does, without keeping the rejections: the replay
     * of a rejection an operator asked for.
     */
    Uni<List<Result>> apply(String site, String partnerId, List<JsonNode> events, String correlationId) {
        Result[] results = new Result[events.size()];
        List<Taken> mapped = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i).get("id").asText();
            Outcome outcome = EdgeEventMapper.map(site, events.get(i));
            if (outcome instanceof Refused refusal) {
                results[i] = Result.rejected(id, refusal.reason());
                refused.add(id);
            } else {
                mapped.add(new Taken(id, i, ((Mapped) outcome).event()));
            }
        }
        return Panache.withTransaction(() -> acceptedBefore(refused)
                .invoke(seen -> {
                    // Taken before (corrected by an operator): the edge's own invalid copy is answered a duplicate.
                    for (int i = 0; i < results.length; i++) {
                        if (results[i] != null && seen.contains(results[i].id())) {
                            results[i] = Result.duplicate(results[i].id());
                        }
                    }
                })
                .chain(() -> mapped.isEmpty()
                        ? Uni.createFrom().item(List.<Taken>of())
                        : inbox.firstDeliveries(CONSUMER, mapped, Taken::id, taken -> taken.event().type().type())
                                .call(fresh -> stage(fresh, partnerId, correlationId)))
                .map(fresh -> {
                    Set<Integer> first = new HashSet<>();
                    fresh.forEach(taken -> first.add(taken.position()));
                    for (Taken taken : mapped) {
                        results[taken.position()] = first.contains(taken.position())
                                ? Result.accepted(taken.id())
                                : Result.duplicate(taken.id());
                    }
                    return count(site, List.of(results));
                }));
    }

    /** Which of these refused ids the intake took before: an operator's corrected replay of the same event. */
    private Uni<Set<String>> acceptedBefore(List<String> refused) {
        if (refused.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return inbox.find("consumer = ?1 and eventId in ?2", CONSUMER, refused)
                .list()
                .map(entries -> {
                    Set<String> seen = new HashSet<>();
                    entries.forEach(entry -> seen.add(entry.eventId()));
                    return seen;
                });
    }

    /** Numbers the fresh events per aggregate, in batch order after what was numbered before, and stages them. */
    private Uni<Void> stage(List<Taken> fresh, String partnerId, String correlationId) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        fresh.forEach(taken -> counts.merge(subject(taken), 1L, Long::sum));
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT_SEQUENCES, Object[].class)
                        .setParameter("subjects", counts.keySet().toArray(String[]::new))
                        .setParameter("counts", counts.values().toArray(Long[]::new))
                        .getResultList())
                .chain(rows -> {
                    // Each subject's numbers run from (last - count + 1) to last, given out in batch order.
                    Map<String, Long> next = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        String subject = (String) row[0];
                        next.put(subject, ((Number) row[1]).longValue() - counts.get(subject) + 1);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Taken taken : fresh) {
                        long sequence = next.merge(subject(taken), 1L, Long::sum) - 1;
                        Canonical event = taken.event();
                        EventEnvelope envelope = new EventEnvelope(SOURCE, event.subject(), event.occurredAt(),
                                correlationId, partnerId, sequence);
                        chain = chain.chain(() -> outbox.stage(event.type(), event.data(), envelope).replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** Sequences are per aggregate of a topic: the aggregate's id qualified by its topic. */
    private static String subject(Taken taken) {
        return taken.event().type().topic() + "|" + taken.event().subject();
    }

    private List<Result> count(String site, List<Result> results) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (Result result : results) {
            outcomes.merge(result.status(), 1, Integer::sum);
            if (result.reason() != null) {
                Log.infof("Edge event %s of %s rejected: %s", result.id(), site, result.reason());
            }
        }
        outcomes.forEach((outcome, n) -> metrics.counter("portage.edge.intake", "site", site, "outcome", outcome)
                .increment(n));
        return results;
    }

    /** Forgets edge event ids older than the retention; an edge resends within minutes or hours, not weeks. */
    @Scheduled(every = "${portage.gateway.edge.forget-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forget() {
        Instant before = Instant.now().minus(retention);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(FORGET)
                        .setParameter("consumer", CONSUMER)
                        .setParameter("before", before)
                        .executeUpdate()))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.infof("Forgot %d edge event ids older than %s", deleted, retention);
                    }
                })
                .replaceWithVoid();
    }
}

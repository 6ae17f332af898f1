package io.portage.edge.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portage.edge.config.EdgeConfig;
import io.portage.edge.domain.Backlog;
import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.EventIds;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Quota;
import io.portage.edge.domain.StorageFullException;
import io.portage.edge.repository.EventStore;
import io.portage.kit.rest.Problem;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * Takes scanner and WMS events in for {@code /api/v1/events}, the drop folder and the line protocol: checks them by
 * {@link EventRules}, assigns an id (a time-ordered UUID, see {@link EventIds}) to events that come without one, keeps the disk quota (shedding the least important events,
 * counted and logged, or refusing input with 507) and answers only once the events are committed to disk; an id
 * already stored is a duplicate, stored once. The store opens at start-up, so a bad store path fails the start.
 */
@Startup
@ApplicationScoped
public class EdgeIntakeService {

    private final EventStore store;
    private final EdgeConfig config;
    private final ForwardingService forwarding;
    private final Quota quota;
    private final Counter duplicates;
    private final Counter stored;
    private final Map<Priority, Counter> shed = new EnumMap<>(Priority.class);
    private final Map<Priority, Counter> refused = new EnumMap<>(Priority.class);
    private final Clock clock = Clock.systemUTC();
    private final EventIds ids = new EventIds(clock);

    public EdgeIntakeService(EventStore store, EdgeConfig config, ForwardingService forwarding, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        this.forwarding = forwarding;
        this.quota = new Quota(config.quota().maxEvents(), config.quota().maxBytes());
        this.duplicates = metrics.counter("portage.edge.duplicates");
        this.stored = metrics.counter("portage.edge.stored");
        for (Priority priority : Priority.values()) {
            shed.put(priority, metrics.counter("portage.edge.shed", "priority", priority.name()));
            refused.put(priority, metrics.counter("portage.edge.refused", "priority", priority.name()));
        }
        metrics.gauge("portage.edge.backlog.events", this, service -> service.store.backlog().pending());
        metrics.gauge("portage.edge.backlog.oldest.age.seconds", this,
                service -> service.store.backlog().oldestPendingAgeSeconds(Instant.now()));
        metrics.gauge("portage.edge.store.used.bytes", this, service -> service.store.backlog().usedBytes());
        metrics.gauge("portage.edge.dead.letters.waiting", this, service -> service.store.backlog().deadLetters());
    }

    /** One event as it arrives, before the edge gives it an id and a receipt time. */
    public record Incoming(String id, String type, String key, Priority priority, Instant occurredAt, String payloadJson) {
    }

    /** What happened to one event: stored now, or found stored already. */
    public record Receipt(UUID id, boolean duplicate) {
    }

    /**
     * Stores the events in one transaction and answers one receipt per event, in order. {@code fieldPrefix} names an
     * event in a violation: {@code ""} for a single event, {@code "[%d]."} for a batch.
     *
     * @throws ProblemException 400 naming every broken field (see {@link EventRules}), 507 when the store is full and nothing may be shed
     */
    public List<Receipt> take(List<Incoming> incoming, String fieldPrefix) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < incoming.size(); i++) {
            EventRules.check(incoming.get(i), fieldPrefix, i, config.maxPayloadBytes(), violations);
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "Invalid request", violations.size() == 1
                    ? violations.get(0).field() + ": " + violations.get(0).message()
                    : violations.size() + " fields are invalid", violations);
        }
        List<EdgeEvent> events = new ArrayList<>(incoming.size());
        Instant received = clock.instant();
        for (Incoming event : incoming) {
            events.add(new EdgeEvent(event.id() == null ? ids.next() : UUID.fromString(event.id()), event.type(),
                    event.key(), event.priority() == null ? Priority.NORMAL : event.priority(), event.occurredAt(),
                    received, event.payloadJson()));
        }
        EventStore.StoreOutcome outcome;
        try {
            outcome = store.store(events, quota);
        } catch (StorageFullException e) {
            for (EdgeEvent event : events) {
                refused.get(event.priority()).increment();
            }
            Log.warnf("Refused %d events: %s", events.size(), e.getMessage());
            throw new ProblemException(507, "insufficient-storage", "Insufficient storage",
                    "The edge store is full and holds nothing less important than " + e.incoming()
                            + " to make room; nothing was stored. Retry later.");
        }
        outcome.shed().forEach((priority, count) -> {
            shed.get(priority).increment(count);
            Log.warnf("Store at its quota: shed the %d oldest pending %s events to make room", count, priority);
        });
        List<Receipt> receipts = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            boolean duplicate = !outcome.stored().get(i);
            (duplicate ? duplicates : stored).increment();
            receipts.add(new Receipt(events.get(i).id(), duplicate));
        }
        forwarding.wake();
        return receipts;
    }

    public Backlog backlog() {
        return store.backlog();
    }

    /** Events shed since start, per priority (every priority, zero included). */
    public Map<Priority, Long> shedCounts() {
        Map<Priority, Long> counts = new EnumMap<>(Priority.class);
        shed.forEach((priority, counter) -> counts.put(priority, (long) counter.count()));
        return counts;
    }

    /** Events refused since start because the store was full, per priority. */
    public Map<Priority, Long> refusedCounts() {
        Map<Priority, Long> counts = new EnumMap<>(Priority.class);
        refused.forEach((priority, counter) -> counts.put(priority, (long) counter.count()));
        return counts;
    }

    public boolean storeIsHealthy() {
        return store.isHealthy();
    }
}

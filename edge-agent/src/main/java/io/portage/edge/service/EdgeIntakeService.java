package io.portage.edge.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.edge.config.EdgeConfig;
import io.portage.edge.domain.Backlog;
import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.Priority;
import io.portage.edge.repository.EventStore;
import io.portage.kit.rest.ProblemException;
import io.quarkus.runtime.Startup;

/**
 * Takes scanner and WMS events in for {@code /api/v1/events}: assigns an id to events that come without one, refuses
 * oversized payloads, and answers only once the events are committed to disk; an id already stored is a duplicate,
 * stored once. The store opens at start-up, so a bad store path fails the start rather than the first scan.
 */
@Startup
@ApplicationScoped
public class EdgeIntakeService {

    private final EventStore store;
    private final EdgeConfig config;
    private final Counter duplicates;
    private final Counter stored;
    private final Clock clock = Clock.systemUTC();

    public EdgeIntakeService(EdgeConfig config, MeterRegistry metrics) {
        this.config = config;
        this.store = EventStore.open(Path.of(config.storePath()));
        this.duplicates = metrics.counter("portage.edge.duplicates");
        this.stored = metrics.counter("portage.edge.stored");
        metrics.gauge("portage.edge.backlog.events", this, service -> service.store.backlog().pending());
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
     */
    @WithSpan("EdgeIntakeService.take")
    public List<Receipt> take(List<Incoming> incoming, String fieldPrefix) {
        List<EdgeEvent> events = new ArrayList<>(incoming.size());
        for (int i = 0; i < incoming.size(); i++) {
            Incoming event = incoming.get(i);
            if (event.payloadJson().getBytes(StandardCharsets.UTF_8).length > config.maxPayloadBytes()) {
                throw ProblemException.invalid(fieldPrefix.formatted(i) + "payload",
                        "is larger than " + config.maxPayloadBytes() + " bytes");
            }
            events.add(new EdgeEvent(event.id() == null ? UUID.randomUUID() : UUID.fromString(event.id()), event.type(),
                    event.key(), event.priority() == null ? Priority.NORMAL : event.priority(), event.occurredAt(),
                    clock.instant(), event.payloadJson()));
        }
        List<Boolean> outcome = store.store(events);
        List<Receipt> receipts = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            boolean duplicate = !outcome.get(i);
            (duplicate ? duplicates : stored).increment();
            receipts.add(new Receipt(events.get(i).id(), duplicate));
        }
        return receipts;
    }

    public Backlog backlog() {
        return store.backlog();
    }

    public boolean storeIsHealthy() {
        return store.isHealthy();
    }

    @PreDestroy
    void close() {
        store.close();
    }
}

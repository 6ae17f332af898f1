package io.portage.edge.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Quota;
import io.portage.edge.domain.StorageFullException;

/** The store's forwarding side: batches by priority without breaking a key's order, marks, dead letters, quota. */
class ForwardingStoreTest {

    @TempDir
    Path dir;

    static EdgeEvent event(String key, Priority priority) {
        return new EdgeEvent(UUID.randomUUID(), "scan.pick.confirmed", key, priority, Instant.now(), Instant.now(),
                "{\"sku\":\"SKU-1\"}");
    }

    static List<ForwardResult> accepted(List<EdgeEvent> events) {
        return events.stream().map(e -> new ForwardResult(e.id(), ForwardResult.Status.ACCEPTED, null)).toList();
    }

    @Test
    void gateEventsGoFirstButNeverAheadOfAnEarlierEventOfTheirKey() {
        try (EventStore store = EventStore.open(dir.resolve("order.db"))) {
            EdgeEvent telemetry = event("SCANNER-1", Priority.TELEMETRY);
            EdgeEvent normal = event("ORDER-1", Priority.NORMAL);
            EdgeEvent gateBehindNormal = event("ORDER-1", Priority.GATE);
            EdgeEvent gate = event("TRAILER-1", Priority.GATE);
            EdgeEvent dispatch = event("ORDER-2", Priority.DISPATCH);
            store.store(List.of(telemetry, normal, gateBehindNormal, gate, dispatch));

            List<EdgeEvent> first = store.nextBatch(3);
            assertThat(first).extracting(EdgeEvent::id).containsExactly(gate.id(), dispatch.id());
            store.settle(accepted(first), Instant.now());
            List<EdgeEvent> second = store.nextBatch(10);
            assertThat(second).extracting(EdgeEvent::id)
                    .as("a batch goes in arrival order")
                    .containsExactly(telemetry.id(), normal.id(), gateBehindNormal.id());
        }
    }

    @Test
    void whenEveryCandidateWaitsBehindItsKeyTheQueueGoesInArrivalOrder() {
        try (EventStore store = EventStore.open(dir.resolve("blocked.db"))) {
            List<EdgeEvent> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(event("K-" + i, Priority.TELEMETRY));
            }
            for (int i = 0; i < 5; i++) {
                events.add(event("K-" + i, Priority.GATE));
            }
            store.store(events);
            assertThat(store.nextBatch(3)).extracting(EdgeEvent::id)
                    .containsExactly(events.get(0).id(), events.get(1).id(), events.get(2).id());
        }
    }

    @Test
    void forwardedEventsAreMarkedThenCompactedAndRejectedOnesBecomeDeadLettersThatCanBeReplayed() {
        Path file = dir.resolve("settle.db");
        EdgeEvent ok = event("ORDER-1", Priority.NORMAL);
        EdgeEvent bad = event("ORDER-1", Priority.NORMAL);
        EdgeEvent unanswered = event("ORDER-1", Priority.NORMAL);
        try (EventStore store = EventStore.open(file)) {
            store.store(List.of(ok, bad, unanswered));
            store.settle(List.of(new ForwardResult(ok.id(), ForwardResult.Status.ACCEPTED, null),
                    new ForwardResult(bad.id(), ForwardResult.Status.REJECTED, "sku unknown")), Instant.now());
            assertThat(store.backlog().pending()).isEqualTo(1);
            assertThat(store.backlog().deadLetters()).isEqualTo(1);
            assertThat(store.nextBatch(10)).extracting(EdgeEvent::id).containsExactly(unanswered.id());
            assertThat(store.store(List.of(ok))).as("a forwarded id kept for retention is still a duplicate")
                    .containsExactly(false);
        }
        try (EventStore reopened = EventStore.open(file)) {
            assertThat(reopened.backlog().pending()).isEqualTo(1);
            assertThat(reopened.backlog().deadLetters()).isEqualTo(1);
            assertThat(reopened.deadLetters(10)).singleElement().satisfies(letter -> {
                assertThat(letter.event().id()).isEqualTo(bad.id());
                assertThat(letter.reason()).isEqualTo("sku unknown");
            });
            assertThat(reopened.compact(Instant.now().plusSeconds(1), 100)).isEqualTo(1);
            assertThat(reopened.ids()).containsExactlyInAnyOrder(unanswered.id());
            assertThat(reopened.replay(List.of())).isEqualTo(1);
            assertThat(reopened.deadLetters(10)).isEmpty();
            assertThat(reopened.nextBatch(10)).extracting(EdgeEvent::id).containsExactly(unanswered.id(), bad.id());
        }
    }

    @Test
    void aFullStoreShedsTheOldestTelemetryFirstThenNormalAndCountsIt() {
        try (EventStore store = EventStore.open(dir.resolve("quota.db"))) {
            Quota quota = new Quota(10, Long.MAX_VALUE);
            List<EdgeEvent> telemetry = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                telemetry.add(event("SCANNER-1", Priority.TELEMETRY));
            }
            List<EdgeEvent> normal = List.of(event("O-1", Priority.NORMAL), event("O-2", Priority.NORMAL),
                    event("O-3", Priority.NORMAL));
            List<EdgeEvent> gates = List.of(event("T-1", Priority.GATE), event("T-2", Priority.GATE),
                    event("T-3", Priority.GATE));
            store.store(telemetry, quota);
            store.store(normal, quota);
            store.store(gates, quota);
            assertThat(store.backlog().pending()).isEqualTo(10);

            EventStore.StoreOutcome outcome = store.store(List.of(event("T-4", Priority.GATE),
                    event("T-5", Priority.GATE)), quota);
            assertThat(outcome.shed()).containsOnly(java.util.Map.entry(Priority.TELEMETRY, 2L));
            assertThat(store.ids()).doesNotContain(telemetry.get(0).id(), telemetry.get(1).id())
                    .contains(telemetry.get(2).id());

            outcome = store.store(List.of(event("D-1", Priority.DISPATCH), event("D-2", Priority.DISPATCH),
                    event("D-3", Priority.DISPATCH)), quota);
            assertThat(outcome.shed()).containsEntry(Priority.TELEMETRY, 2L).containsEntry(Priority.NORMAL, 1L);
            assertThat(store.ids()).doesNotContain(normal.get(0).id()).contains(normal.get(1).id());
            assertThat(store.backlog().pending()).isEqualTo(10);
        }
    }

    @Test
    void whenOnlyMoreImportantEventsCouldGoNewInputIsRefusedAndNothingIsLost() {
        try (EventStore store = EventStore.open(dir.resolve("refuse.db"))) {
            Quota quota = new Quota(5, Long.MAX_VALUE);
            List<EdgeEvent> kept = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                kept.add(event("T-" + i, Priority.GATE));
            }
            kept.add(event("O-1", Priority.NORMAL));
            store.store(kept, quota);

            assertThatThrownBy(() -> store.store(List.of(event("S-1", Priority.TELEMETRY)), quota))
                    .isInstanceOf(StorageFullException.class);
            assertThat(store.store(List.of(event("O-2", Priority.NORMAL)), quota).shed())
                    .as("a normal event may displace an older normal one")
                    .containsEntry(Priority.NORMAL, 1L);
            store.store(List.of(event("T-9", Priority.GATE)), quota);
            assertThatThrownBy(() -> store.store(List.of(event("T-10", Priority.GATE)), quota))
                    .as("gate and dispatch events are never shed, not even for a gate event")
                    .isInstanceOf(StorageFullException.class);
            assertThat(store.backlog().pending()).isEqualTo(5);
            assertThat(store.backlog().byPriority()).containsEntry(Priority.GATE, 5L);
        }
    }

    @Test
    void forwardedEventsGoBeforeAnythingIsShed() {
        try (EventStore store = EventStore.open(dir.resolve("compact-first.db"))) {
            Quota quota = new Quota(4, Long.MAX_VALUE);
            List<EdgeEvent> events = List.of(event("A", Priority.TELEMETRY), event("B", Priority.TELEMETRY),
                    event("C", Priority.TELEMETRY), event("D", Priority.TELEMETRY));
            store.store(events, quota);
            store.settle(accepted(events.subList(0, 2)), Instant.now());
            EventStore.StoreOutcome outcome = store.store(List.of(event("E", Priority.TELEMETRY),
                    event("F", Priority.TELEMETRY)), quota);
            assertThat(outcome.shed()).isEmpty();
            assertThat(store.backlog().pending()).isEqualTo(4);
        }
    }

    @Test
    void aByteQuotaShedsToo() {
        try (EventStore store = EventStore.open(dir.resolve("bytes.db"))) {
            String big = "{\"blob\":\"" + "x".repeat(4000) + "\"}";
            for (int i = 0; i < 50; i++) {
                store.store(List.of(new EdgeEvent(UUID.randomUUID(), "scan.t", "S", Priority.TELEMETRY, Instant.now(),
                        Instant.now(), big)));
            }
            long used = store.backlog().usedBytes();
            Quota quota = new Quota(Long.MAX_VALUE, used);
            EventStore.StoreOutcome outcome = store.store(List.of(new EdgeEvent(UUID.randomUUID(), "scan.t", "S",
                    Priority.TELEMETRY, Instant.now(), Instant.now(), big)), quota);
            assertThat(outcome.shed().get(Priority.TELEMETRY)).isPositive();
        }
    }
}

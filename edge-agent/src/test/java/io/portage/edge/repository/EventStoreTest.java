package io.portage.edge.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portage.edge.domain.Backlog;
import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.Priority;

class EventStoreTest {

    @TempDir
    Path dir;

    static EdgeEvent event(int n, Priority priority) {
        return new EdgeEvent(UUID.randomUUID(), "scan.pick.confirmed", "ORDER-" + n, priority,
                Instant.parse("2026-11-23T08:00:00Z").plusSeconds(n), Instant.now(), "{\"n\":" + n + "}");
    }

    @Test
    void eventsSurviveReopeningInTheOrderTheyArrived() {
        Path file = dir.resolve("events.db");
        List<EdgeEvent> events = IntStream.range(0, 50)
                .mapToObj(n -> event(n, n % 2 == 0 ? Priority.GATE : Priority.TELEMETRY))
                .toList();
        try (EventStore store = EventStore.open(file)) {
            assertThat(store.pragma("journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(store.pragma("synchronous")).as("2 is FULL").isEqualTo("2");
            store.store(events.subList(0, 20));
            store.store(events.subList(20, 50));
        }
        try (EventStore reopened = EventStore.open(file)) {
            assertThat(reopened.pragma("journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(reopened.pending(100)).extracting(EdgeEvent::id)
                    .containsExactlyElementsOf(events.stream().map(EdgeEvent::id).toList());
            Backlog backlog = reopened.backlog();
            assertThat(backlog.pending()).isEqualTo(50);
            assertThat(backlog.byPriority()).containsEntry(Priority.GATE, 25L).containsEntry(Priority.TELEMETRY, 25L);
            assertThat(backlog.storeBytes()).isPositive();
        }
    }

    @Test
    void aStoredIdIsADuplicateNotASecondEvent() {
        try (EventStore store = EventStore.open(dir.resolve("dup.db"))) {
            EdgeEvent first = event(1, Priority.NORMAL);
            assertThat(store.store(List.of(first))).containsExactly(true);
            assertThat(store.store(List.of(first, event(2, Priority.NORMAL)))).containsExactly(false, true);
            assertThat(store.backlog().pending()).isEqualTo(2);
        }
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAll() {
        try (EventStore store = EventStore.open(dir.resolve("atomic.db"))) {
            EdgeEvent broken = new EdgeEvent(UUID.randomUUID(), null, "K", Priority.NORMAL, Instant.now(), Instant.now(), "{}");
            assertThatThrownBy(() -> store.store(List.of(event(1, Priority.NORMAL), broken, event(3, Priority.NORMAL))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(store.backlog().pending()).isZero();
            assertThat(store.store(List.of(event(4, Priority.NORMAL)))).containsExactly(true);
        }
    }

    @Test
    void instantsAreKeptExactlyAndTheOldestPendingIsTheFirstToArrive() throws SQLException {
        Path file = dir.resolve("instants.db");
        Instant whole = Instant.parse("2026-11-23T08:00:00Z");
        Instant later = Instant.parse("2026-11-23T08:00:00.5Z");
        Instant nanos = Instant.parse("2026-11-23T07:59:59.123456789Z");
        try (EventStore store = EventStore.open(file)) {
            store.store(List.of(
                    new EdgeEvent(UUID.randomUUID(), "gate.in", "T-1", Priority.GATE, later, whole, "{}"),
                    new EdgeEvent(UUID.randomUUID(), "gate.in", "T-2", Priority.GATE, whole, later, "{}"),
                    new EdgeEvent(UUID.randomUUID(), "gate.in", "T-3", Priority.GATE, nanos, later, "{}")));
            assertThat(store.pending(10)).extracting(EdgeEvent::occurredAt).containsExactly(later, whole, nanos);
            Backlog backlog = store.backlog();
            assertThat(backlog.oldestPendingReceivedAt()).isEqualTo(whole);
            assertThat(backlog.oldestPendingAgeSeconds(whole.plusSeconds(90))).isEqualTo(90);
        }
        // Stored as text, instants must also sort as text (the forwarder will order by them).
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rows = connection.createStatement()
                        .executeQuery("select business_key from edge_event order by occurred_at")) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            assertThat(keys).containsExactly("T-3", "T-2", "T-1");
        }
    }

    @Test
    void anEmptyStoreHasNoBacklog() {
        try (EventStore store = EventStore.open(dir.resolve("empty.db"))) {
            Backlog backlog = store.backlog();
            assertThat(backlog.pending()).isZero();
            assertThat(backlog.oldestPendingReceivedAt()).isNull();
            assertThat(backlog.oldestPendingAgeSeconds(Instant.now())).isZero();
            assertThat(backlog.byPriority()).isEmpty();
        }
    }

    @Test
    void theStoreFolderIsCreated() {
        Path nested = dir.resolve("a/b/c/events.db");
        try (EventStore store = EventStore.open(nested)) {
            assertThat(store.isHealthy()).isTrue();
        }
        assertThat(Files.exists(nested)).isTrue();
    }

    @Test
    void concurrentWritersAreCommittedTogetherAndABrokenBatchFailsAlone() throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("group.db"))) {
            int threads = 8;
            int rounds = 50;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        if (thread == 0 && r % 5 == 0) {
                            EdgeEvent broken = new EdgeEvent(UUID.randomUUID(), null, "K", Priority.NORMAL,
                                    Instant.now(), Instant.now(), "{}");
                            try {
                                store.store(List.of(event(r, Priority.NORMAL), broken));
                            } catch (IllegalStateException expected) {
                                failures.incrementAndGet();
                            }
                        } else {
                            assertThat(store.store(List.of(event(r, Priority.NORMAL), event(r, Priority.GATE))))
                                    .containsExactly(true, true);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            assertThat(failures.get()).isEqualTo(rounds / 5);
            long expected = (threads * rounds - rounds / 5) * 2L;
            assertThat(store.backlog().pending()).isEqualTo(expected);
            assertThat(store.ids()).hasSize((int) expected);
        }
    }
}

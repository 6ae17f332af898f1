package io.portage.edge.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Timestamps;

/** Store files written by earlier agents open with their events intact, migrated to the version this one writes. */
class SchemaTest {

    /** The event table as the first agents created it, before forwarding (and before user_version was kept). */
    static final String INTAKE_DDL = """
            create table if not exists edge_event (
                seq          integer primary key autoincrement,
                id           text    not null unique,
                type         text    not null,
                business_key text    not null,
                priority     text    not null,
                occurred_at  text    not null,
                received_at  text    not null,
                payload      text    not null,
                forwarded_at text
            )""";

    @TempDir
    Path dir;

    static List<EdgeEvent> events() {
        Instant at = Instant.parse("2026-11-23T08:00:00.123456789Z");
        List<EdgeEvent> events = new ArrayList<>();
        Priority[] priorities = {Priority.TELEMETRY, Priority.NORMAL, Priority.DISPATCH, Priority.GATE};
        for (int i = 0; i < 8; i++) {
            events.add(new EdgeEvent(UUID.randomUUID(), "scan.pick.confirmed", "ORDER-" + i, priorities[i % 4],
                    at.plusSeconds(i), at.plusSeconds(i).plusMillis(5), "{\"n\":" + i + "}"));
        }
        return events;
    }

    static void insert(Connection connection, List<EdgeEvent> events, boolean withRank) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(withRank
                ? "insert into edge_event (id, type, business_key, priority, occurred_at, received_at, payload, rank)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)"
                : "insert into edge_event (id, type, business_key, priority, occurred_at, received_at, payload)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")) {
            for (EdgeEvent event : events) {
                insert.setString(1, event.id().toString());
                insert.setString(2, event.type());
                insert.setString(3, event.key());
                insert.setString(4, event.priority().name());
                insert.setString(5, Timestamps.fixedWidth(event.occurredAt()));
                insert.setString(6, Timestamps.fixedWidth(event.receivedAt()));
                insert.setString(7, event.payload());
                if (withRank) {
                    insert.setInt(8, event.priority().ordinal());
                }
                insert.executeUpdate();
            }
        }
    }

    static List<String> indexes(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rows = connection.createStatement()
                        .executeQuery(
                                "select name from sqlite_master where type = 'index' and sql is not null"
                                        + " order by name")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    @Test
    void aStoreFromBeforeForwardingGetsRanksAndDeadLettersWithItsEventsIntact() throws SQLException {
        Path file = dir.resolve("intake-only.db");
        List<EdgeEvent> events = events();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute(INTAKE_DDL);
            statement.execute("create index if not exists ix_edge_event_pending on edge_event (forwarded_at, seq)");
            insert(connection, events, false);
        }
        try (EventStore store = EventStore.open(file)) {
            assertThat(store.pragma("user_version")).isEqualTo(String.valueOf(Schema.LATEST));
            assertThat(store.pending(100)).containsExactlyElementsOf(events);
            assertThat(store.backlog().byPriority()).containsEntry(Priority.GATE, 2L)
                    .containsEntry(Priority.DISPATCH, 2L)
                    .containsEntry(Priority.NORMAL, 2L)
                    .containsEntry(Priority.TELEMETRY, 2L);
            assertThat(store.backlog().oldestPendingReceivedAt()).isEqualTo(events.get(0).receivedAt());
            assertThat(store.nextBatch(2)).as("ranks come from the priorities")
                    .extracting(EdgeEvent::priority)
                    .containsExactly(Priority.GATE, Priority.GATE);
            store.settle(List.of(new ForwardResult(events.get(0).id(), ForwardResult.Status.REJECTED, "bad")),
                    Instant.now());
            assertThat(store.deadLetters(10)).extracting(letter -> letter.event().id())
                    .containsExactly(events.get(0).id());
            assertThat(store.store(List.of(events.get(1)))).as("ids stay unique").containsExactly(false);
        }
        assertThat(indexes(file)).containsExactly("ix_edge_event_forwarded", "ix_edge_event_key", "ix_edge_event_rank");
    }

    @Test
    void aStoreWrittenBeforeVersionsWereKeptOpensAtVersionTwoWithItsEventsAndDeadLettersIntact() throws SQLException {
        Path file = dir.resolve("unversioned.db");
        List<EdgeEvent> events = events();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute(INTAKE_DDL);
            // The layout the agent created up to this change, with the queue index of its first forwarding releases.
            statement.execute("alter table edge_event add column rank integer not null default 2");
            statement.execute("create index if not exists ix_edge_event_queue on edge_event (seq)"
                    + " where forwarded_at is null");
            statement.execute("create index if not exists ix_edge_event_rank on edge_event (rank, seq)"
                    + " where forwarded_at is null");
            statement.execute("create index if not exists ix_edge_event_key on edge_event (business_key, seq)"
                    + " where forwarded_at is null");
            statement.execute("create index if not exists ix_edge_event_forwarded on edge_event (forwarded_at)"
                    + " where forwarded_at is not null");
            statement.execute("""
                    create table if not exists edge_dead_letter (
                        id text primary key, type text not null, business_key text not null, priority text not null,
                        occurred_at text not null, received_at text not null, payload text not null,
                        reason text not null, rejected_at text not null
                    )""");
            insert(connection, events, true);
            statement.execute("update edge_event set forwarded_at = '2026-11-23T09:00:00.000000000Z' where seq <= 2");
            statement.execute("insert into edge_dead_letter values ('" + UUID.randomUUID() + "', 'scan.x', 'K', 'GATE',"
                    + " '2026-11-23T08:00:00.000000000Z', '2026-11-23T08:00:00.000000000Z', '{}', 'sku unknown',"
                    + " '2026-11-23T09:00:00.000000000Z')");
        }
        try (EventStore store = EventStore.open(file)) {
            assertThat(store.pragma("user_version")).isEqualTo("2");
            assertThat(store.pending(100)).containsExactlyElementsOf(events.subList(2, 8));
            assertThat(store.ids()).hasSize(8);
            assertThat(store.backlog().pending()).isEqualTo(6);
            assertThat(store.backlog().deadLetters()).isEqualTo(1);
            assertThat(store.deadLetters(10)).singleElement()
                    .satisfies(letter -> assertThat(letter.reason()).isEqualTo("sku unknown"));
            assertThat(store.compact(Instant.parse("2026-11-23T10:00:00Z"), 100)).isEqualTo(2);
            assertThat(store.replay(List.of())).isEqualTo(1);
            assertThat(store.nextBatch(1)).extracting(EdgeEvent::priority).containsExactly(Priority.GATE);
        }
        assertThat(indexes(file)).doesNotContain("ix_edge_event_queue");
        try (EventStore reopened = EventStore.open(file)) {
            assertThat(reopened.backlog().pending()).isEqualTo(7);
        }
    }

    @Test
    void aNewStoreIsAtTheLatestVersionAndReopeningChangesNothing() throws SQLException {
        Path file = dir.resolve("new.db");
        try (EventStore store = EventStore.open(file)) {
            assertThat(store.pragma("user_version")).isEqualTo(String.valueOf(Schema.LATEST));
            store.store(events());
        }
        List<String> indexes = indexes(file);
        try (EventStore reopened = EventStore.open(file)) {
            assertThat(reopened.pragma("user_version")).isEqualTo(String.valueOf(Schema.LATEST));
            assertThat(reopened.backlog().pending()).isEqualTo(8);
        }
        assertThat(indexes(file)).isEqualTo(indexes);
    }

    @Test
    void aStoreFromANewerAgentIsRefusedAndLeftAsItIs() throws SQLException {
        Path file = dir.resolve("newer.db");
        try (EventStore store = EventStore.open(file)) {
            store.store(events());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("pragma user_version = " + (Schema.LATEST + 1));
        }
        assertThatThrownBy(() -> EventStore.open(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version " + (Schema.LATEST + 1));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet row = connection.createStatement().executeQuery("select count(*) from edge_event")) {
            assertThat(row.getLong(1)).isEqualTo(8);
        }
    }
}

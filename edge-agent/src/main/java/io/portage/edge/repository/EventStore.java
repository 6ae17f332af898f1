package io.portage.edge.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import io.portage.edge.domain.Backlog;
import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.Priority;

/**
 * The edge's durable store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a write that returned has
 * reached the disk and survives a crash or power loss. One writer connection (SQLite has one writer at a time); a
 * batch is one transaction, stored whole or not at all. An event id already stored is a duplicate, not an error.
 */
public final class EventStore implements AutoCloseable {

    /** Fixed width, so that instants stored as text sort as text ({@code Instant.toString()} drops zero fractions). */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private EventStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static EventStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5000);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            // Not DriverManager: it hands out drivers by class loader, which breaks under Quarkus' test class loaders.
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
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
                        )""");
                statement.execute("create index if not exists ix_edge_event_pending on edge_event (forwarded_at, seq)");
            }
            connection.setAutoCommit(false);
            return new EventStore(file, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the event store " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the events in one transaction; {@code true} at an index means stored, {@code false} a duplicate id. */
    public List<Boolean> store(List<EdgeEvent> events) {
        lock.lock();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into edge_event (id, type, business_key, priority, occurred_at, received_at, payload)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")) {
            List<Boolean> stored = new ArrayList<>(events.size());
            for (EdgeEvent event : events) {
                insert.setString(1, event.id().toString());
                insert.setString(2, event.type());
                insert.setString(3, event.key());
                insert.setString(4, event.priority().name());
                insert.setString(5, INSTANT.format(event.occurredAt()));
                insert.setString(6, INSTANT.format(event.receivedAt()));
                insert.setString(7, event.payload());
                stored.add(insert.executeUpdate() == 1);
            }
            connection.commit();
            return stored;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not store " + events.size() + " events: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Pending events per priority, and the receipt time of the next one to forward (the oldest in arrival order). */
    public Backlog backlog() {
        lock.lock();
        try (Statement statement = connection.createStatement()) {
            Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
            long pending = 0;
            try (ResultSet rows = statement.executeQuery(
                    "select priority, count(*) from edge_event where forwarded_at is null group by priority")) {
                while (rows.next()) {
                    long count = rows.getLong(2);
                    byPriority.put(Priority.valueOf(rows.getString(1)), count);
                    pending += count;
                }
            }
            Instant oldest = null;
            try (ResultSet row = statement.executeQuery(
                    "select received_at from edge_event where forwarded_at is null order by seq limit 1")) {
                if (row.next()) {
                    oldest = Instant.parse(row.getString(1));
                }
            }
            connection.commit();
            return new Backlog(pending, oldest, byPriority, storeBytes());
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not read the backlog: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Pending events in the order they were received, oldest first. */
    public List<EdgeEvent> pending(int limit) {
        lock.lock();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, type, business_key, priority, occurred_at, received_at, payload from edge_event
                where forwarded_at is null order by seq limit ?""")) {
            select.setInt(1, limit);
            List<EdgeEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new EdgeEvent(UUID.fromString(rows.getString(1)), rows.getString(2), rows.getString(3),
                            Priority.valueOf(rows.getString(4)), Instant.parse(rows.getString(5)),
                            Instant.parse(rows.getString(6)),
                            rows.getString(7)));
                }
            }
            connection.commit();
            return events;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not read pending events: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The value of a pragma such as {@code journal_mode} or {@code synchronous}, as SQLite reports it. */
    public String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        lock.lock();
        try (Statement statement = connection.createStatement()) {
            String value;
            try (ResultSet row = statement.executeQuery("pragma " + name)) {
                value = row.next() ? row.getString(1) : null;
            }
            connection.commit();
            return value;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not read pragma " + name + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the store answers a read of the event table. */
    public boolean isHealthy() {
        lock.lock();
        try (Statement statement = connection.createStatement()) {
            boolean ok;
            try (ResultSet row = statement.executeQuery("select exists (select 1 from edge_event)")) {
                ok = row.next();
            }
            connection.commit();
            return ok;
        } catch (SQLException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private long storeBytes() {
        long bytes = 0;
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            try {
                Path part = Path.of(file.toAbsolutePath() + suffix);
                bytes += Files.exists(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                // a WAL file may vanish at a checkpoint; the size is a report, not an invariant
            }
        }
        return bytes;
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }
}

package io.portage.edge.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import io.portage.edge.domain.Backlog;
import io.portage.edge.domain.DeadLetter;
import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Quota;
import io.portage.edge.domain.StorageFullException;
import io.portage.edge.domain.Timestamps;

/**
 * The edge's durable store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a write that returned has
 * reached the disk and survives a crash or power loss. One writer connection (SQLite has one writer at a time); a
 * batch is one transaction, stored whole or not at all. An event id already stored is a duplicate, not an error.
 * Forwarded events are marked, kept a while for deduplication and then deleted; rejected ones move to a dead-letter
 * table. Reads for forwarding are pages, never the whole backlog.
 */
public final class EventStore implements AutoCloseable {

    private static final String COLUMNS = "seq, id, type, business_key, priority, occurred_at, received_at, payload";

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Write> queue = new ConcurrentLinkedQueue<>();
    private final long[] pendingByRank = new long[Priority.values().length];
    private long retainedForwarded;
    private long deadLetters;

    /** What one store call did: per event stored ({@code true}) or duplicate, and how many stored events it shed. */
    public record StoreOutcome(List<Boolean> stored, Map<Priority, Long> shed) {
    }

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
            // 8 MB of page cache (default 2 MB): more of the id and key indexes of a large backlog stay in memory.
            config.setCacheSize(-8_000);
            // No "select last_insert_rowid()" after every insert: nothing reads generated keys (a third of an insert).
            config.setGetGeneratedKeys(false);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            // Not DriverManager: it hands out drivers by class loader, which breaks under Quarkus' test class loaders.
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                // Checkpoint every 10,000 pages (40 MB of WAL) rather than 1,000: the index pages every batch touches
                // are copied into the database once per checkpoint, not once per 4 MB (about 20% more intake).
                statement.execute("pragma wal_autocheckpoint = 10000");
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
                boolean hasRank = false;
                try (ResultSet columns = statement.executeQuery("pragma table_info(edge_event)")) {
                    while (columns.next()) {
                        hasRank |= "rank".equals(columns.getString("name"));
                    }
                }
                if (!hasRank) {
                    // Stores written before forwarding existed: rank orders forwarding by priority through an index.
                    statement.execute("alter table edge_event add column rank integer not null default 2");
                    statement.execute("update edge_event set rank = case priority when 'GATE' then 0"
                            + " when 'DISPATCH' then 1 when 'NORMAL' then 2 else 3 end");
                }
                statement.execute("drop index if exists ix_edge_event_pending");
                // Three indexes besides the id's, each partial: the fewer b-trees an insert touches, the faster intake.
                statement.execute("drop index if exists ix_edge_event_queue");
                statement.execute("create index if not exists ix_edge_event_rank on edge_event (rank, seq)"
                        + " where forwarded_at is null");
                statement.execute("create index if not exists ix_edge_event_key on edge_event (business_key, seq)"
                        + " where forwarded_at is null");
                statement.execute("create index if not exists ix_edge_event_forwarded on edge_event (forwarded_at)"
                        + " where forwarded_at is not null");
                statement.execute("""
                        create table if not exists edge_dead_letter (
                            id           text    primary key,
                            type         text    not null,
                            business_key text    not null,
                            priority     text    not null,
                            occurred_at  text    not null,
                            received_at  text    not null,
                            payload      text    not null,
                            reason       text    not null,
                            rejected_at  text    not null
                        )""");
            }
            connection.setAutoCommit(false);
            EventStore store = new EventStore(file, connection);
            store.count();
            connection.commit();
            return store;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the event store " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void count() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select rank, count(*) from edge_event where forwarded_at is null group by rank")) {
                while (rows.next()) {
                    pendingByRank[rows.getInt(1)] = rows.getLong(2);
                }
            }
            try (ResultSet row = statement.executeQuery(
                    "select count(*) from edge_event where forwarded_at is not null")) {
                retainedForwarded = row.next() ? row.getLong(1) : 0;
            }
            try (ResultSet row = statement.executeQuery("select count(*) from edge_dead_letter")) {
                deadLetters = row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** Stores the events in one transaction without a quota; {@code true} at an index means stored, else duplicate. */
    public List<Boolean> store(List<EdgeEvent> events) {
        return store(events, Quota.UNLIMITED).stored();
    }

    /**
     * Stores the events in one transaction. When the store would exceed the quota, forwarded events kept for
     * deduplication go first, then pending events of the priorities {@link Quota#victimsFor} allows, oldest first;
     * when that is not enough nothing is stored and {@link StorageFullException} is thrown.
     * <p>
     * Group commit: calls that arrive while another call writes wait for it and are then written together, each
     * under its own savepoint (stored whole or not at all, failing alone), with one commit and one sync for all.
     */
    public StoreOutcome store(List<EdgeEvent> events, Quota quota) {
        Write mine = new Write(events, quota, new CompletableFuture<>());
        queue.add(mine);
        lock.lock();
        try {
            if (!mine.result().isDone()) {
                writeGroup();
            }
        } finally {
            lock.unlock();
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Write(List<EdgeEvent> events, Quota quota, CompletableFuture<StoreOutcome> result) {
    }

    /** Counts as they will be once the group commits. */
    private final class Tentative {

        final long[] pending = pendingByRank.clone();
        long retained = retainedForwarded;

        long total() {
            return sum(pending) + retained;
        }
    }

    private void writeGroup() {
        List<Write> group = new ArrayList<>();
        List<StoreOutcome> outcomes = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        Tentative tentative = new Tentative();
        int events = 0;
        Write next;
        while (events < 20_000 && (next = queue.poll()) != null) {
            group.add(next);
            events += next.events().size();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into edge_event (id, type, business_key, priority, rank, occurred_at, received_at, payload)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")) {
            for (Write write : group) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    outcomes.add(write(insert, write, tentative));
                    failures.add(null);
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback(savepoint);
                    connection.releaseSavepoint(savepoint);
                    outcomes.add(null);
                    failures.add(e instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException("Could not store " + write.events().size() + " events: "
                                    + e.getMessage(), e));
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            IllegalStateException failure = new IllegalStateException("Could not commit " + events + " events: "
                    + e.getMessage(), e);
            group.forEach(write -> write.result().completeExceptionally(failure));
            return;
        }
        System.arraycopy(tentative.pending, 0, pendingByRank, 0, pendingByRank.length);
        retainedForwarded = tentative.retained;
        for (int i = 0; i < group.size(); i++) {
            if (failures.get(i) == null) {
                group.get(i).result().complete(outcomes.get(i));
            } else {
                group.get(i).result().completeExceptionally(failures.get(i));
            }
        }
    }

    /** One caller's events, inside its savepoint; {@code tentative} changes only when all of them are written. */
    private StoreOutcome write(PreparedStatement insert, Write write, Tentative tentative) throws SQLException {
        long[] added = new long[pendingByRank.length];
        Map<Priority, Long> shed = new EnumMap<>(Priority.class);
        long lastSeqBefore = longValue("select coalesce(max(seq), 0) from edge_event");
        List<Boolean> stored = new ArrayList<>(write.events().size());
        Priority leastImportant = null;
        Instant lastReceived = null;
        String received = null;
        for (EdgeEvent event : write.events()) {
            if (event.receivedAt() != lastReceived) {
                lastReceived = event.receivedAt();
                received = Timestamps.fixedWidth(lastReceived);
            }
            insert.setString(1, event.id().toString());
            insert.setString(2, event.type());
            insert.setString(3, event.key());
            insert.setString(4, event.priority().name());
            insert.setInt(5, event.priority().rank());
            insert.setString(6, Timestamps.fixedWidth(event.occurredAt()));
            insert.setString(7, received);
            insert.setString(8, event.payload());
            boolean isNew = insert.executeUpdate() == 1;
            stored.add(isNew);
            if (isNew) {
                added[event.priority().rank()]++;
                if (leastImportant == null || event.priority().rank() > leastImportant.rank()) {
                    leastImportant = event.priority();
                }
            }
        }
        long compacted = 0;
        Quota quota = write.quota();
        if (leastImportant != null && quota != Quota.UNLIMITED) {
            long rows = tentative.total() + sum(added);
            if (quota.exceeded(rows, usedBytes())) {
                compacted = update("delete from edge_event where forwarded_at is not null");
                makeRoom(quota, leastImportant, lastSeqBefore, sum(tentative.pending) + sum(added), shed);
            }
        }
        for (int rank = 0; rank < added.length; rank++) {
            tentative.pending[rank] += added[rank];
        }
        shed.forEach((priority, count) -> tentative.pending[priority.rank()] -= count);
        tentative.retained -= compacted;
        return new StoreOutcome(stored, shed);
    }

    private void makeRoom(Quota quota, Priority incoming, long lastSeqBefore, long rows, Map<Priority, Long> shed)
            throws SQLException {
        long bytes = usedBytes();
        if (!quota.exceeded(rows, bytes)) {
            return;
        }
        long need = Math.max(0, rows - quota.maxEvents());
        if (bytes > quota.maxBytes()) {
            long perRow = Math.max(1, bytes / Math.max(1, rows));
            need = Math.max(need, (bytes - quota.maxBytes() + perRow - 1) / perRow);
        }
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from edge_event where seq in (select seq from edge_event
                where forwarded_at is null and rank = ? and seq <= ? order by seq limit ?)""")) {
            for (Priority victim : Quota.victimsFor(incoming)) {
                if (need <= 0) {
                    break;
                }
                delete.setInt(1, victim.rank());
                delete.setLong(2, lastSeqBefore);
                delete.setLong(3, need);
                int deleted = delete.executeUpdate();
                if (deleted > 0) {
                    shed.put(victim, (long) deleted);
                    need -= deleted;
                }
            }
        }
        if (need > 0) {
            throw new StorageFullException(incoming, "the store is at its quota (" + quota.maxEvents() + " events, "
                    + quota.maxBytes() + " bytes) and holds no events less important than " + incoming
                    + " to shed; " + need + " more would have to go");
        }
    }

    /**
     * The next events to forward, at most {@code size}, in arrival order: the most important first, but never an event
     * before an earlier pending event of the same business key. Reads one page; the backlog never sits in memory.
     */
    public List<EdgeEvent> nextBatch(int size) {
        lock.lock();
        try (PreparedStatement page = connection.prepareStatement("select " + COLUMNS
                + " from edge_event where forwarded_at is null order by rank, seq limit ?");
                PreparedStatement predecessor = connection.prepareStatement("""
                        select max(seq) from edge_event
                        where business_key = ? and forwarded_at is null and seq < ?""")) {
            TreeMap<Long, EdgeEvent> selected = new TreeMap<>();
            Map<Long, long[]> blocked = new LinkedHashMap<>();
            Map<Long, EdgeEvent> blockedEvents = new HashMap<>();
            page.setInt(1, size);
            try (ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    EdgeEvent event = event(rows);
                    predecessor.setString(1, event.key());
                    predecessor.setLong(2, seq);
                    try (ResultSet before = predecessor.executeQuery()) {
                        before.next();
                        long previous = before.getLong(1);
                        if (before.wasNull() || selected.containsKey(previous)) {
                            selected.put(seq, event);
                        } else {
                            blocked.put(seq, new long[]{previous});
                            blockedEvents.put(seq, event);
                        }
                    }
                }
            }
            // A candidate behind a less important event of its key goes along once that event is in the batch.
            boolean progress = true;
            while (progress && !blocked.isEmpty()) {
                progress = false;
                for (var it = blocked.entrySet().iterator(); it.hasNext();) {
                    var candidate = it.next();
                    if (selected.containsKey(candidate.getValue()[0])) {
                        selected.put(candidate.getKey(), blockedEvents.get(candidate.getKey()));
                        it.remove();
                        progress = true;
                    }
                }
            }
            List<EdgeEvent> batch = new ArrayList<>(selected.values());
            connection.commit();
            // Every candidate waits behind a less important event of its key: take the queue in arrival order.
            return batch.isEmpty() && pendingTotal() > 0 ? pending(size) : batch;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not read the next batch: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies the receiver's answers in one transaction: accepted and duplicate events are marked forwarded, rejected
     * ones move to the dead letters. Events without an answer stay pending.
     */
    public void settle(Collection<ForwardResult> results, Instant now) {
        lock.lock();
        long[] done = new long[pendingByRank.length];
        long rejected = 0;
        try (PreparedStatement forwarded = connection.prepareStatement(
                "update edge_event set forwarded_at = ? where id = ? and forwarded_at is null returning rank");
                PreparedStatement deadLetter = connection.prepareStatement("""
                        insert or replace into edge_dead_letter
                        (id, type, business_key, priority, occurred_at, received_at, payload, reason, rejected_at)
                        select id, type, business_key, priority, occurred_at, received_at, payload, ?, ?
                        from edge_event where id = ? and forwarded_at is null""");
                PreparedStatement remove = connection.prepareStatement(
                        "delete from edge_event where id = ? and forwarded_at is null returning rank")) {
            String at = Timestamps.fixedWidth(now);
            for (ForwardResult result : results) {
                if (result.status() == ForwardResult.Status.REJECTED) {
                    deadLetter.setString(1, result.reason() == null ? "rejected" : result.reason());
                    deadLetter.setString(2, at);
                    deadLetter.setString(3, result.id().toString());
                    if (deadLetter.executeUpdate() == 1) {
                        remove.setString(1, result.id().toString());
                        rejected += returnedRanks(remove, done);
                    }
                } else {
                    forwarded.setString(1, at);
                    forwarded.setString(2, result.id().toString());
                    returnedRanks(forwarded, done);
                }
            }
            connection.commit();
            for (int rank = 0; rank < done.length; rank++) {
                pendingByRank[rank] -= done[rank];
            }
            retainedForwarded += sum(done) - rejected;
            deadLetters += rejected;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not mark " + results.size() + " events: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static long returnedRanks(PreparedStatement statement, long[] done) throws SQLException {
        long count = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                done[rows.getInt(1)]++;
                count++;
            }
        }
        return count;
    }

    /** Deletes at most {@code limit} events forwarded before {@code before}; answers how many. Freed pages are reused. */
    public int compact(Instant before, int limit) {
        lock.lock();
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from edge_event where seq in (select seq from edge_event
                where forwarded_at is not null and forwarded_at < ? limit ?)""")) {
            delete.setString(1, Timestamps.fixedWidth(before));
            delete.setInt(2, limit);
            int deleted = delete.executeUpdate();
            connection.commit();
            retainedForwarded -= deleted;
            return deleted;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not compact: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Dead letters, oldest rejection first, at most {@code limit}. */
    public List<DeadLetter> deadLetters(int limit) {
        lock.lock();
        try (PreparedStatement select = connection.prepareStatement("select 0, id, type, business_key, priority,"
                + " occurred_at, received_at, payload, reason, rejected_at from edge_dead_letter"
                + " order by rejected_at, id limit ?")) {
            select.setInt(1, limit);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    letters.add(new DeadLetter(event(rows), rows.getString(9), Timestamps.parse(rows.getString(10))));
                }
            }
            connection.commit();
            return letters;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not read dead letters: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts dead letters back at the end of the queue (all of them when {@code ids} is empty), in one transaction;
     * answers how many. An id stored again since its rejection stays as it is and its dead letter is dropped.
     */
    public int replay(Collection<UUID> ids) {
        lock.lock();
        try (PreparedStatement back = connection.prepareStatement("""
                insert into edge_event (id, type, business_key, priority, rank, occurred_at, received_at, payload)
                select id, type, business_key, priority,
                       case priority when 'GATE' then 0 when 'DISPATCH' then 1 when 'NORMAL' then 2 else 3 end,
                       occurred_at, received_at, payload
                from edge_dead_letter where id = ? on conflict (id) do nothing returning rank""");
                PreparedStatement remove = connection.prepareStatement("delete from edge_dead_letter where id = ?")) {
            List<String> chosen = new ArrayList<>();
            if (ids.isEmpty()) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "select id from edge_dead_letter order by rejected_at, id")) {
                    while (rows.next()) {
                        chosen.add(rows.getString(1));
                    }
                }
            } else {
                ids.forEach(id -> chosen.add(id.toString()));
            }
            long[] added = new long[pendingByRank.length];
            int removed = 0;
            for (String id : chosen) {
                back.setString(1, id);
                returnedRanks(back, added);
                remove.setString(1, id);
                removed += remove.executeUpdate();
            }
            connection.commit();
            for (int rank = 0; rank < added.length; rank++) {
                pendingByRank[rank] += added[rank];
            }
            deadLetters -= removed;
            return (int) sum(added);
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not replay dead letters: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Pending events per priority, and the receipt time of the next one to forward (the oldest in arrival order). */
    public Backlog backlog() {
        lock.lock();
        try (Statement statement = connection.createStatement()) {
            Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
            for (Priority priority : Priority.values()) {
                if (pendingByRank[priority.rank()] > 0) {
                    byPriority.put(priority, pendingByRank[priority.rank()]);
                }
            }
            Instant oldest = null;
            // The oldest pending event is the first of one priority: four short walks of the (rank, seq) index.
            try (ResultSet row = statement.executeQuery("select received_at from edge_event where seq = (select min(m)"
                    + " from (select (select min(seq) from edge_event where forwarded_at is null and rank = r.rank) m"
                    + " from (select 0 rank union all select 1 union all select 2 union all select 3) r))")) {
                if (row.next()) {
                    oldest = Timestamps.parse(row.getString(1));
                }
            }
            long used = usedBytes();
            connection.commit();
            return new Backlog(pendingTotal(), oldest, byPriority, storeBytes(), used, deadLetters);
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
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from edge_event where forwarded_at is null order by seq limit ?")) {
            select.setInt(1, limit);
            List<EdgeEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
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

    /** Ids of every event the store holds, pending or forwarded (for tests and checks, not for the forwarding path). */
    public Set<UUID> ids() {
        lock.lock();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from edge_event")) {
            Set<UUID> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(UUID.fromString(rows.getString(1)));
            }
            connection.commit();
            return ids;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Could not read ids: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static EdgeEvent event(ResultSet rows) throws SQLException {
        return new EdgeEvent(UUID.fromString(rows.getString(2)), rows.getString(3), rows.getString(4),
                Priority.valueOf(rows.getString(5)), Timestamps.parse(rows.getString(6)), Timestamps.parse(rows.getString(7)),
                rows.getString(8));
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

    private long pendingTotal() {
        return sum(pendingByRank);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    private long longValue(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private int update(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** Bytes of database pages that hold rows (page count less free pages): what the quota counts. */
    private long usedBytes() throws SQLException {
        return (longValue("pragma page_count") - longValue("pragma freelist_count")) * longValue("pragma page_size");
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

package io.portage.edge.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Timestamps;

/**
 * The events waiting to be forwarded, read a page at a time: which go next (most important first, in order per
 * business key), marking them forwarded once the receiver answered, and deleting them after their retention or when
 * the quota needs the room.
 */
final class ForwardQueue {

    private final Journal journal;
    private final Counts counts;
    private final DeadLetterStore deadLetters;

    ForwardQueue(Journal journal, Counts counts, DeadLetterStore deadLetters) {
        this.journal = journal;
        this.counts = counts;
        this.deadLetters = deadLetters;
    }

    /**
     * The next events to forward, at most {@code size}, in arrival order: the most important first, but never an event
     * before an earlier pending event of the same business key. Reads one page; the backlog never sits in memory.
     */
    List<EdgeEvent> nextBatch(int size) {
        return journal.inTransaction("read the next batch", tx -> {
            TreeMap<Long, EdgeEvent> selected = new TreeMap<>();
            Map<Long, Long> blocked = new LinkedHashMap<>();
            Map<Long, EdgeEvent> blockedEvents = new HashMap<>();
            try (PreparedStatement page = tx.prepare("select " + EventRows.COLUMNS
                    + " from edge_event where forwarded_at is null order by rank, seq limit ?");
                    PreparedStatement predecessor = tx.prepare("""
                            select max(seq) from edge_event
                            where business_key = ? and forwarded_at is null and seq < ?""")) {
                page.setInt(1, size);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        long seq = rows.getLong(1);
                        EdgeEvent event = EventRows.read(rows);
                        predecessor.setString(1, event.key());
                        predecessor.setLong(2, seq);
                        try (ResultSet before = predecessor.executeQuery()) {
                            before.next();
                            long previous = before.getLong(1);
                            if (before.wasNull() || selected.containsKey(previous)) {
                                selected.put(seq, event);
                            } else {
                                blocked.put(seq, previous);
                                blockedEvents.put(seq, event);
                            }
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
                    if (selected.containsKey(candidate.getValue())) {
                        selected.put(candidate.getKey(), blockedEvents.get(candidate.getKey()));
                        it.remove();
                        progress = true;
                    }
                }
            }
            // Every candidate waits behind a less important event of its key: take the queue in arrival order.
            return selected.isEmpty() && counts.pending() > 0 ? pending(tx, size) : new ArrayList<>(selected.values());
        });
    }

    /** Pending events in the order they were received, oldest first. */
    List<EdgeEvent> pending(int limit) {
        return journal.inTransaction("read pending events", tx -> pending(tx, limit));
    }

    private static List<EdgeEvent> pending(Journal.Tx tx, int limit) throws SQLException {
        try (PreparedStatement select = tx.prepare(
                "select " + EventRows.COLUMNS + " from edge_event where forwarded_at is null order by seq limit ?")) {
            select.setInt(1, limit);
            List<EdgeEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(EventRows.read(rows));
                }
            }
            return events;
        }
    }

    /** The receipt time of the next event to forward in arrival order, {@code null} when none is pending. */
    static Instant oldestPendingReceivedAt(Journal.Tx tx) throws SQLException {
        // The oldest pending event is the first of one priority: one short walk of the (rank, seq) index per rank.
        String received = tx.stringValue("select received_at from edge_event where seq = (select min(m) from"
                + " (select (select min(seq) from edge_event where forwarded_at is null and rank = r.rank) m"
                + " from (" + EventRows.ranks() + ") r))");
        return received == null ? null : Timestamps.parse(received);
    }

    /**
     * Applies the receiver's answers in one transaction: accepted and duplicate events are marked forwarded, rejected
     * ones move to the dead letters. Events without an answer stay pending.
     */
    void settle(Collection<ForwardResult> results, Instant now) {
        journal.inTransaction("mark " + results.size() + " events", tx -> {
            long[] done = new long[counts.pendingByRank.length];
            long rejected = 0;
            String at = Timestamps.fixedWidth(now);
            try (PreparedStatement forwarded = tx.prepare(
                    "update edge_event set forwarded_at = ? where id = ? and forwarded_at is null returning rank")) {
                for (ForwardResult result : results) {
                    if (result.status() == ForwardResult.Status.REJECTED) {
                        rejected += deadLetters.bury(tx, result, at, done);
                    } else {
                        forwarded.setString(1, at);
                        forwarded.setString(2, result.id().toString());
                        countRanks(forwarded, done);
                    }
                }
            }
            long moved = rejected;
            tx.afterCommit(() -> {
                counts.addPending(done, -1);
                counts.retainedForwarded += Counts.sum(done) - moved;
                counts.deadLetters += moved;
            });
            return null;
        });
    }

    /** Runs {@code statement}, which returns the rank of each row it changed, and counts them into {@code ranks}. */
    static long countRanks(PreparedStatement statement, long[] ranks) throws SQLException {
        long count = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ranks[rows.getInt(1)]++;
                count++;
            }
        }
        return count;
    }

    /** Deletes at most {@code limit} events forwarded before {@code before}; answers how many. Pages are reused. */
    int compact(Instant before, int limit) {
        return journal.inTransaction("compact", tx -> {
            try (PreparedStatement delete = tx.prepare("""
                    delete from edge_event where seq in (select seq from edge_event
                    where forwarded_at is not null and forwarded_at < ? limit ?)""")) {
                delete.setString(1, Timestamps.fixedWidth(before));
                delete.setInt(2, limit);
                int deleted = delete.executeUpdate();
                tx.afterCommit(() -> counts.retainedForwarded -= deleted);
                return deleted;
            }
        });
    }

    /** Deletes every forwarded event, retained or not (the quota needs the room); answers how many. */
    static int compactAll(Journal.Tx tx) throws SQLException {
        return tx.update("delete from edge_event where forwarded_at is not null");
    }

    /** Deletes the {@code count} oldest pending events of {@code priority} up to {@code lastSeq}; answers how many. */
    static int shed(Journal.Tx tx, Priority priority, long lastSeq, long count) throws SQLException {
        try (PreparedStatement delete = tx.prepare("""
                delete from edge_event where seq in (select seq from edge_event
                where forwarded_at is null and rank = ? and seq <= ? order by seq limit ?)""")) {
            delete.setInt(1, priority.rank());
            delete.setLong(2, lastSeq);
            delete.setLong(3, count);
            return delete.executeUpdate();
        }
    }
}

package io.portage.edge.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

import io.portage.edge.domain.Priority;

/**
 * How many events the store holds, kept in memory so that neither the status page nor the quota counts rows: pending
 * events per priority rank, forwarded events retained for deduplication, dead letters. Read and changed only inside
 * the journal's transactions, and changed only after they commit.
 */
final class Counts {

    final long[] pendingByRank = new long[Priority.values().length];
    long retainedForwarded;
    long deadLetters;

    static Counts read(Journal.Tx tx) throws SQLException {
        Counts counts = new Counts();
        try (var select = tx.prepare("select rank, count(*) from edge_event where forwarded_at is null group by rank");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.pendingByRank[rows.getInt(1)] = rows.getLong(2);
            }
        }
        counts.retainedForwarded = tx.longValue("select count(*) from edge_event where forwarded_at is not null");
        counts.deadLetters = tx.longValue("select count(*) from edge_dead_letter");
        return counts;
    }

    /** A copy to change tentatively, then {@link #set} once what changed it has committed. */
    Counts copy() {
        Counts copy = new Counts();
        copy.set(this);
        return copy;
    }

    void set(Counts other) {
        System.arraycopy(other.pendingByRank, 0, pendingByRank, 0, pendingByRank.length);
        retainedForwarded = other.retainedForwarded;
        deadLetters = other.deadLetters;
    }

    long pending() {
        return sum(pendingByRank);
    }

    /** Pending events of each priority that has any. */
    Map<Priority, Long> pendingByPriority() {
        Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            if (pendingByRank[priority.rank()] > 0) {
                byPriority.put(priority, pendingByRank[priority.rank()]);
            }
        }
        return byPriority;
    }

    void addPending(long[] byRank, long sign) {
        for (int rank = 0; rank < byRank.length; rank++) {
            pendingByRank[rank] += sign * byRank[rank];
        }
    }

    static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}

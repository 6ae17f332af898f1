package io.portage.edge.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.portage.edge.domain.DeadLetter;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Timestamps;

/** The events the receiver rejected, out of the forwarding queue in {@code edge_dead_letter} until replayed. */
final class DeadLetterStore {

    private final Journal journal;
    private final Counts counts;

    DeadLetterStore(Journal journal, Counts counts) {
        this.journal = journal;
        this.counts = counts;
    }

    /**
     * Moves the pending event {@code rejection} names from the queue to the dead letters, counting its rank into
     * {@code ranks}; answers 1 when it moved, 0 when it was not pending.
     */
    long bury(Journal.Tx tx, ForwardResult rejection, String at, long[] ranks) throws SQLException {
        String id = rejection.id().toString();
        try (PreparedStatement deadLetter = tx.prepare("""
                insert or replace into edge_dead_letter
                (id, type, business_key, priority, occurred_at, received_at, payload, reason, rejected_at)
                select id, type, business_key, priority, occurred_at, received_at, payload, ?, ?
                from edge_event where id = ? and forwarded_at is null""");
                PreparedStatement remove = tx.prepare(
                        "delete from edge_event where id = ? and forwarded_at is null returning rank")) {
            deadLetter.setString(1, rejection.reason() == null ? "rejected" : rejection.reason());
            deadLetter.setString(2, at);
            deadLetter.setString(3, id);
            if (deadLetter.executeUpdate() != 1) {
                return 0;
            }
            remove.setString(1, id);
            return ForwardQueue.countRanks(remove, ranks);
        }
    }

    /** Dead letters, oldest rejection first, at most {@code limit}. */
    List<DeadLetter> list(int limit) {
        return journal.inTransaction("read dead letters", tx -> {
            try (PreparedStatement select = tx.prepare("select 0, id, type, business_key, priority, occurred_at,"
                    + " received_at, payload, reason, rejected_at from edge_dead_letter"
                    + " order by rejected_at, id limit ?")) {
                select.setInt(1, limit);
                List<DeadLetter> letters = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        letters.add(new DeadLetter(EventRows.read(rows), rows.getString(9),
                                Timestamps.parse(rows.getString(10))));
                    }
                }
                return letters;
            }
        });
    }

    /**
     * Puts dead letters back at the end of the queue (all of them when {@code ids} is empty), in one transaction;
     * answers how many. An id stored again since its rejection stays as it is and its dead letter is dropped.
     */
    int replay(Collection<UUID> ids) {
        return journal.inTransaction("replay dead letters", tx -> {
            List<String> chosen = new ArrayList<>();
            if (ids.isEmpty()) {
                try (PreparedStatement all = tx.prepare("select id from edge_dead_letter order by rejected_at, id");
                        ResultSet rows = all.executeQuery()) {
                    while (rows.next()) {
                        chosen.add(rows.getString(1));
                    }
                }
            } else {
                ids.forEach(id -> chosen.add(id.toString()));
            }
            long[] added = new long[counts.pendingByRank.length];
            int removed = 0;
            try (PreparedStatement back = tx.prepare("""
                    insert into edge_event (id, type, business_key, priority, rank, occurred_at, received_at, payload)
                    select id, type, business_key, priority, %s, occurred_at, received_at, payload
                    from edge_dead_letter where id = ? on conflict (id) do nothing returning rank"""
                    .formatted(EventRows.rankOf("priority")));
                    PreparedStatement remove = tx.prepare("delete from edge_dead_letter where id = ?")) {
                for (String id : chosen) {
                    back.setString(1, id);
                    ForwardQueue.countRanks(back, added);
                    remove.setString(1, id);
                    removed += remove.executeUpdate();
                }
            }
            int gone = removed;
            tx.afterCommit(() -> {
                counts.addPending(added, 1);
                counts.deadLetters -= gone;
            });
            return (int) Counts.sum(added);
        });
    }
}

package io.portage.edge.repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Quota;
import io.portage.edge.domain.Timestamps;
import io.portage.edge.repository.EventStore.StoreOutcome;

/**
 * Writes incoming events with group commit: calls that arrive while another call writes wait for it and are then
 * written together, each under its own savepoint (stored whole or not at all, failing alone), with one commit and one
 * sync for all; none returns before that commit.
 */
final class GroupCommitWriter {

    /** Events written in one transaction at most; callers beyond wait for the next one. */
    private static final int GROUP_EVENTS = 20_000;

    private static final String INSERT = """
            insert into edge_event (id, type, business_key, priority, rank, occurred_at, received_at, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""";

    private final Journal journal;
    private final Counts counts;
    private final ConcurrentLinkedQueue<Write> queue = new ConcurrentLinkedQueue<>();

    private record Write(List<EdgeEvent> events, Quota quota, CompletableFuture<StoreOutcome> result) {
    }

    GroupCommitWriter(Journal journal, Counts counts) {
        this.journal = journal;
        this.counts = counts;
    }

    /**
     * Stores the events once they and those of the calls written with them have committed. Over the quota, forwarded
     * events kept for deduplication go first, then what {@link Quota#toShed} says; when that is not enough nothing
     * of these events is stored and its {@link io.portage.edge.domain.StorageFullException} is thrown.
     */
    StoreOutcome write(List<EdgeEvent> events, Quota quota) {
        Write mine = new Write(events, quota, new CompletableFuture<>());
        queue.add(mine);
        journal.exclusively(() -> {
            if (!mine.result().isDone()) {
                writeGroup();
            }
        });
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void writeGroup() {
        List<Write> group = new ArrayList<>();
        int events = 0;
        Write next;
        while (events < GROUP_EVENTS && (next = queue.poll()) != null) {
            group.add(next);
            events += next.events().size();
        }
        List<StoreOutcome> outcomes = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        try {
            journal.inTransaction("commit " + events + " events", tx -> {
                Counts tentative = counts.copy();
                try (PreparedStatement insert = tx.prepare(INSERT)) {
                    for (Write write : group) {
                        try {
                            outcomes.add(tx.inSavepoint(inSavepoint -> write(inSavepoint, insert, write, tentative)));
                            failures.add(null);
                        } catch (SQLException | RuntimeException e) {
                            outcomes.add(null);
                            failures.add(e instanceof RuntimeException runtime
                                    ? runtime
                                    : new IllegalStateException("Could not store " + write.events().size()
                                            + " events: " + e.getMessage(), e));
                        }
                    }
                }
                tx.afterCommit(() -> counts.set(tentative));
                return null;
            });
        } catch (RuntimeException e) {
            RuntimeException failure = e instanceof IllegalStateException
                    ? e
                    : new IllegalStateException("Could not commit " + events + " events: " + e.getMessage(), e);
            group.forEach(write -> write.result().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            if (failures.get(i) == null) {
                group.get(i).result().complete(outcomes.get(i));
            } else {
                group.get(i).result().completeExceptionally(failures.get(i));
            }
        }
    }

    /** One caller's events, inside its savepoint; {@code tentative} changes only when all of them are written. */
    private static StoreOutcome write(Journal.Tx tx, PreparedStatement insert, Write write, Counts tentative)
            throws SQLException {
        long[] added = new long[tentative.pendingByRank.length];
        boolean quotaApplies = write.quota() != Quota.UNLIMITED;
        long lastSeqBefore = quotaApplies ? tx.longValue("select coalesce(max(seq), 0) from edge_event") : 0;
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
        Map<Priority, Long> shed = new EnumMap<>(Priority.class);
        long compacted = 0;
        if (leastImportant != null && quotaApplies) {
            long pendingBefore = tentative.pending();
            long rows = pendingBefore + tentative.retainedForwarded + Counts.sum(added);
            if (write.quota().exceeded(rows, tx.usedBytes())) {
                compacted = ForwardQueue.compactAll(tx);
                shed = makeRoom(tx, write.quota(), leastImportant, tentative, lastSeqBefore,
                        pendingBefore + Counts.sum(added));
            }
        }
        tentative.addPending(added, 1);
        shed.forEach((priority, count) -> tentative.pendingByRank[priority.rank()] -= count);
        tentative.retainedForwarded -= compacted;
        return new StoreOutcome(stored, shed);
    }

    /** Sheds what the quota says, among the pending events stored before this write ({@code seq <= lastSeqBefore}). */
    private static Map<Priority, Long> makeRoom(Journal.Tx tx, Quota quota, Priority incoming, Counts before,
            long lastSeqBefore, long rows) throws SQLException {
        Map<Priority, Long> toShed = quota.toShed(incoming, before.pendingByPriority(), rows, tx.usedBytes());
        for (Map.Entry<Priority, Long> victims : toShed.entrySet()) {
            long deleted = ForwardQueue.shed(tx, victims.getKey(), lastSeqBefore, victims.getValue());
            if (deleted != victims.getValue()) {
                throw new IllegalStateException("Shed " + deleted + " of " + victims.getValue() + " "
                        + victims.getKey() + " events: the store's counts are off");
            }
        }
        return toShed;
    }
}

package io.portage.edge.repository;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.portage.edge.domain.Backlog;
import io.portage.edge.domain.DeadLetter;
import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Quota;
import io.portage.edge.domain.StorageFullException;

/**
 * The edge's durable store: one SQLite file ({@link Journal}: WAL, {@code synchronous=FULL}, so a write that returned
 * survives a crash or power loss) whose tables {@link Schema} migrates. Intake goes through a {@link GroupCommitWriter}
 * (a batch stored whole or not at all, an id already stored a duplicate, not an error), forwarding through the
 * {@link ForwardQueue}, rejected events to the {@link DeadLetterStore}.
 */
public final class EventStore implements AutoCloseable {

    private final Journal journal;
    private final Counts counts;
    private final GroupCommitWriter writer;
    private final ForwardQueue queue;
    private final DeadLetterStore deadLetters;

    /** What one store call did: per event stored ({@code true}) or duplicate, and how many stored events it shed. */
    public record StoreOutcome(List<Boolean> stored, Map<Priority, Long> shed) {
    }

    private EventStore(Journal journal, Counts counts) {
        this.journal = journal;
        this.counts = counts;
        this.writer = new GroupCommitWriter(journal, counts);
        this.deadLetters = new DeadLetterStore(journal, counts);
        this.queue = new ForwardQueue(journal, counts, deadLetters);
    }

    /** Opens the store at {@code file} (its folder created), migrated to the version this agent writes. */
    public static EventStore open(Path file) {
        Journal journal = Journal.open(file);
        try {
            Schema.migrate(journal);
            return new EventStore(journal, journal.inTransaction("count the stored events", Counts::read));
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Stores the events in one transaction without a quota; {@code true} at an index means stored, else duplicate. */
    public List<Boolean> store(List<EdgeEvent> events) {
        return store(events, Quota.UNLIMITED).stored();
    }

    /**
     * Stores the events in one transaction. When the store would exceed the quota, forwarded events kept for
     * deduplication go first, then pending events of the priorities {@link Quota#victimsFor} allows, oldest first;
     * when that is not enough nothing is stored and {@link StorageFullException} is thrown. Concurrent calls share
     * one commit (group commit).
     */
    public StoreOutcome store(List<EdgeEvent> events, Quota quota) {
        return writer.write(events, quota);
    }

    /**
     * The next events to forward, at most {@code size}, in arrival order: the most important first, but never an event
     * before an earlier pending event of the same business key. Reads one page; the backlog never sits in memory.
     */
    public List<EdgeEvent> nextBatch(int size) {
        return queue.nextBatch(size);
    }

    /**
     * Applies the receiver's answers in one transaction: accepted and duplicate events are marked forwarded, rejected
     * ones move to the dead letters. Events without an answer stay pending.
     */
    public void settle(Collection<ForwardResult> results, Instant now) {
        queue.settle(results, now);
    }

    /** Deletes at most {@code limit} events forwarded before {@code before}; answers how many. Freed pages are reused. */
    public int compact(Instant before, int limit) {
        return queue.compact(before, limit);
    }

    /** Dead letters, oldest rejection first, at most {@code limit}. */
    public List<DeadLetter> deadLetters(int limit) {
        return deadLetters.list(limit);
    }

    /**
     * Puts dead letters back at the end of the queue (all of them when {@code ids} is empty), in one transaction;
     * answers how many. An id stored again since its rejection stays as it is and its dead letter is dropped.
     */
    public int replay(Collection<UUID> ids) {
        return deadLetters.replay(ids);
    }

    /** Pending events per priority, and the receipt time of the next one to forward (the oldest in arrival order). */
    public Backlog backlog() {
        return journal.inTransaction("read the backlog", tx -> new Backlog(counts.pending(),
                ForwardQueue.oldestPendingReceivedAt(tx), counts.pendingByPriority(), journal.storeBytes(),
                tx.usedBytes(), counts.deadLetters));
    }

    /** Pending events in the order they were received, oldest first. */
    public List<EdgeEvent> pending(int limit) {
        return queue.pending(limit);
    }

    /** Ids of every event the store holds, pending or forwarded (for tests and checks, not for the forwarding path). */
    public Set<UUID> ids() {
        return journal.inTransaction("read ids", tx -> {
            Set<UUID> ids = new HashSet<>();
            try (var select = tx.prepare("select id from edge_event"); var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(UUID.fromString(rows.getString(1)));
                }
            }
            return ids;
        });
    }

    /** The value of a pragma such as {@code journal_mode} or {@code synchronous}, as SQLite reports it. */
    public String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        return journal.inTransaction("read pragma " + name, tx -> tx.stringValue("pragma " + name));
    }

    /** Whether the store answers a read of the event table. */
    public boolean isHealthy() {
        try {
            return journal.inTransaction("read the event table", tx -> {
                tx.longValue("select exists (select 1 from edge_event)");
                return true;
            });
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close() {
        journal.close();
    }
}

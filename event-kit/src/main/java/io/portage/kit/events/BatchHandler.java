package io.portage.kit.events;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * What a service supplies for one Kafka consumer run by {@link BatchConsumer}: its name, how to read an event and how
 * to apply a batch of what it read. A CDI bean per consumer; the kit finds it by {@link #consumer()} to replay its dead
 * letters and to apply parked events an operator releases.
 *
 * @param <T> what the service reads from one event (an event may hold several, or none)
 */
public interface BatchHandler<T> {

    /** The name used with the inbox, the sequencer, dead letters and metrics, e.g. {@code shipment-service.orders}. */
    String consumer();

    /**
     * Whether events pass the {@link Sequencer} (per-aggregate order, parking early ones) before they are applied; a
     * consumer whose domain tolerates any order (milestones that never move back) may say no.
     */
    default boolean ordered() {
        return true;
    }

    /**
     * What this consumer applies from one event; empty for the types it ignores.
     *
     * @throws IllegalArgumentException when the event cannot be read (it becomes a dead letter)
     */
    List<T> read(SequencedEvent event);

    /** The inbox key of an item: its event's id, or the id with a suffix when one event holds several items. */
    String inboxKey(T item);

    /**
     * Applies the items not applied before (the inbox has recorded them), in the kit's transaction and in delivery
     * order. A failure rolls the batch back and is retried.
     */
    Uni<Applied<T>> apply(List<T> fresh);

    /**
     * What {@link #apply} did: a summary for the log, the items it passed over (their inbox records are removed, so a
     * later delivery is applied) and the ones it rejected (removed from the inbox too, and dead-lettered).
     */
    record Applied<T>(Object summary, List<T> skipped, List<Rejected<T>> rejected) {

        public Applied {
            skipped = List.copyOf(skipped);
            rejected = List.copyOf(rejected);
        }

        /** Every item applied. */
        public static <T> Applied<T> all(Object summary) {
            return new Applied<>(summary, List.of(), List.of());
        }
    }

    /** An item that cannot be applied, and why (the dead letter's reason). */
    record Rejected<T>(T item, RuntimeException reason) {
    }
}

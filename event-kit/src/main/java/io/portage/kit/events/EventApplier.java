package io.portage.kit.events;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * How a consumer applies events that reach it outside its Kafka path: parked events an operator releases with the gap
 * accepted. A CDI bean per consumer; it runs inside the caller's transaction, after the sequencer, and goes through the
 * inbox like the consumer does.
 */
public interface EventApplier {

    /** The consumer name used with the sequencer and the inbox, e.g. {@code shipment-service.orders}. */
    String consumer();

    Uni<Void> apply(List<SequencedEvent> ready);
}

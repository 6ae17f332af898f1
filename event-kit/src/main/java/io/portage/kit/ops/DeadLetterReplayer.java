package io.portage.kit.ops;

import io.smallrye.mutiny.Uni;

/**
 * How a consumer applies one of its dead letters again. A service implements it as a CDI bean next to its Kafka
 * consumer, reading and applying the payload exactly as the consumer does (through the inbox, so a replay of an event
 * applied already changes nothing). The returned Uni fails when the record still cannot be applied; the dead letter
 * then stays open with the new reason.
 */
public interface DeadLetterReplayer {

    /** The consumer name the dead letters were stored under, e.g. {@code shipment-service.orders}. */
    String consumer();

    /** Applies {@code payload} (the original, or an operator's correction) with the letter's original headers. */
    Uni<Void> replay(DeadLetter letter, String payload);
}

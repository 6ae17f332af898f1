package io.portage.order.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jakarta.inject.Singleton;

import io.portage.kit.events.SequencedEvent;
import io.portage.kit.ops.DeadLetter;
import io.portage.kit.ops.DeadLetterReplayer;
import io.portage.order.service.LifecycleEvent;
import io.portage.order.service.OrderLifecycle;
import io.smallrye.mutiny.Uni;

/**
 * Applies a dead letter of one of the lifecycle consumers again, exactly as the consumer does (read, then
 * {@link OrderLifecycle}, through the inbox): an event whose order was unknown goes through once the order is known,
 * and fails again (the letter stays open) while it is not.
 */
abstract class LifecycleReplayer implements DeadLetterReplayer {

    private final OrderLifecycle lifecycle;
    private final String consumer;
    private final Function<SequencedEvent, List<LifecycleEvent>> read;

    LifecycleReplayer(OrderLifecycle lifecycle, String consumer, Function<SequencedEvent, List<LifecycleEvent>> read) {
        this.lifecycle = lifecycle;
        this.consumer = consumer;
        this.read = read;
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> replay(DeadLetter letter, String payload) {
        return Uni.createFrom()
                .item(() -> read.apply(event(letter, payload)))
                .chain(facts -> lifecycle.apply(consumer, facts))
                .invoke(report -> {
                    if (!report.unknown().isEmpty()) {
                        throw LifecycleEventsConsumer.unknownOrder(report.unknown().get(0));
                    }
                })
                .replaceWithVoid();
    }

    private static SequencedEvent event(DeadLetter letter, String payload) {
        Map<String, String> headers = new HashMap<>(letter.headerMap());
        headers.values().removeIf(Objects::isNull);
        if (letter.eventId() == null || letter.eventType() == null) {
            throw new IllegalArgumentException("the letter has no ce_id or ce_type header");
        }
        String subject = headers.getOrDefault("ce_subject", letter.key());
        long sequence;
        try {
            sequence = Long.parseLong(headers.getOrDefault("ce_sequence", "1").trim());
        } catch (NumberFormatException e) {
            sequence = 1;
        }
        return new SequencedEvent(letter.eventId(), letter.eventType(), subject == null ? "" : subject,
                Math.max(1, sequence), headers, payload);
    }

    /** Replays {@value OrderLifecycle#WAREHOUSE}'s dead letters. */
    @Singleton
    static class Warehouse extends LifecycleReplayer {

        Warehouse(OrderLifecycle lifecycle, LifecycleEventReader reader) {
            super(lifecycle, OrderLifecycle.WAREHOUSE, reader::warehouse);
        }
    }

    /** Replays {@value OrderLifecycle#SHIPMENTS}'s dead letters. */
    @Singleton
    static class Shipments extends LifecycleReplayer {

        Shipments(OrderLifecycle lifecycle, LifecycleEventReader reader) {
            super(lifecycle, OrderLifecycle.SHIPMENTS, reader::shipments);
        }
    }

    /** Replays {@value OrderLifecycle#ERP}'s dead letters. */
    @Singleton
    static class Erp extends LifecycleReplayer {

        Erp(OrderLifecycle lifecycle, LifecycleEventReader reader) {
            super(lifecycle, OrderLifecycle.ERP, reader::erp);
        }
    }
}

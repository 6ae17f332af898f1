package io.portage.kit.events;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.portage.kit.ops.ExceptionItem;
import io.portage.kit.ops.ExceptionRetrier;
import io.smallrye.mutiny.Uni;

/**
 * Retrying an {@value ParkedEventWatch#TYPE} exception accepts the gap: the missing events are given up on, and the
 * parked ones are applied in order through the consumer's {@link EventApplier}, or the kit's for its
 * {@link BatchHandler}. If a missing event still arrives
 * later, it is late and dropped.
 */
@ApplicationScoped
public class GapRetrier implements ExceptionRetrier {

    private final Sequencer sequencer;
    private final Instance<EventApplier> appliers;
    private final BatchApplier batches;

    public GapRetrier(Sequencer sequencer, Instance<EventApplier> appliers, BatchApplier batches) {
        this.sequencer = sequencer;
        this.appliers = appliers;
        this.batches = batches;
    }

    @Override
    public String type() {
        return ParkedEventWatch.TYPE;
    }

    @Override
    public Uni<Void> retry(ExceptionItem item) {
        String key = item.businessKey();
        int split = key.indexOf('|');
        if (split < 0) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a consumer|subject key: " + key));
        }
        String consumer = key.substring(0, split);
        String subject = key.substring(split + 1);
        EventApplier applier = null;
        for (EventApplier candidate : appliers) {
            if (candidate.consumer().equals(consumer)) {
                applier = candidate;
            }
        }
        if (applier != null) {
            EventApplier chosen = applier;
            return sequencer.acceptGap(consumer, subject).chain(chosen::apply);
        }
        Optional<BatchHandler<?>> handler = batches.handler(consumer);
        if (handler.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no event applier for consumer " + consumer));
        }
        return sequencer.acceptGap(consumer, subject).chain(ready -> batches.applyReleased(handler.get(), ready));
    }
}

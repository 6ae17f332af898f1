package io.portage.kit.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.kit.ops.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Makes the {@link BatchConsumer} of a service's {@link BatchHandler}, with the kit's inbox, ordering and dead letters. */
@ApplicationScoped
public class BatchConsumers {

    private final BatchApplier applier;
    private final Sequencer sequencer;
    private final DeadLetters deadLetters;
    private final EventTracing tracing;
    private final MeterRegistry metrics;

    public BatchConsumers(BatchApplier applier, Sequencer sequencer, DeadLetters deadLetters, EventTracing tracing,
            MeterRegistry metrics) {
        this.applier = applier;
        this.sequencer = sequencer;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    /**
     * The consumer of {@code handler}, sending its dead letters to {@code deadLetterTopic} (the service's emitter for
     * {@code portage.dlq.<service>}); retries are counted as {@code portage.consumer.retries{consumer}}.
     */
    public <T> BatchConsumer<T> of(BatchHandler<T> handler, MutinyEmitter<String> deadLetterTopic) {
        return new BatchConsumer<>(handler, applier, sequencer, deadLetters, deadLetterTopic, tracing,
                metrics.counter("portage.consumer.retries", "consumer", handler.consumer()));
    }
}

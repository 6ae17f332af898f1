package io.portage.kit.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The exception queue as gauges, per type: {@code portage.exceptions.open} (items waiting for a person) and
 * {@code portage.exceptions.oldest.age.seconds} (how long the oldest has waited; what an alert on a forgotten
 * queue watches). Refreshed from the database every {@code portage.exceptions.gauge-interval}, so every instance of a
 * service reports the same numbers.
 */
@ApplicationScoped
public class ExceptionGauges {

    private final ExceptionQueue exceptions;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Open> byType = new ConcurrentHashMap<>();

    public ExceptionGauges(ExceptionQueue exceptions, MeterRegistry metrics) {
        this.exceptions = exceptions;
        this.metrics = metrics;
    }

    /** One type's numbers, read by its two gauges. */
    private static final class Open {

        final AtomicLong count = new AtomicLong();
        final AtomicLong oldestAgeSeconds = new AtomicLong();
    }

    @Scheduled(every = "${portage.exceptions.gauge-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return exceptions.openByType().invoke(counts -> {
            Map<String, ExceptionQueue.OpenCount> current = new java.util.HashMap<>();
            counts.forEach(count -> current.put(count.type(), count));
            current.keySet().forEach(type -> byType.computeIfAbsent(type, this::register));
            byType.forEach((type, open) -> {
                ExceptionQueue.OpenCount count = current.get(type);
                open.count.set(count == null ? 0 : count.count());
                open.oldestAgeSeconds.set(count == null ? 0 : Duration.between(count.oldest(), clock.instant()).toSeconds());
            });
        }).replaceWithVoid();
    }

    private Open register(String type) {
        Open open = new Open();
        Gauge.builder("portage.exceptions.open", open.count, AtomicLong::get)
                .tag("type", type)
                .description("Exception-queue items waiting for a person")
                .register(metrics);
        Gauge.builder("portage.exceptions.oldest.age.seconds", open.oldestAgeSeconds, AtomicLong::get)
                .tag("type", type)
                .description("How long the oldest open item of the type has waited")
                .baseUnit("seconds")
                .register(metrics);
        return open;
    }
}

package io.portage.edge.domain;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter for a dead uplink: the n-th consecutive failure waits a random time between
 * half of and the whole of {@code min(max, initial * 2^(n-1))}, so many edges do not retry in step.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration delay(int failures, RandomGenerator random) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long cap = max.toMillis();
        long base = initial.toMillis() << Math.min(failures - 1, 30);
        long ceiling = base <= 0 || base > cap ? cap : base;
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }
}

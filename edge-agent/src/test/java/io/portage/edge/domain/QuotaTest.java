package io.portage.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class QuotaTest {

    @Test
    void onlyNormalAndTelemetryAreEverShedAndNeverForSomethingLessImportant() {
        assertThat(Quota.victimsFor(Priority.GATE)).containsExactly(Priority.TELEMETRY, Priority.NORMAL);
        assertThat(Quota.victimsFor(Priority.DISPATCH)).containsExactly(Priority.TELEMETRY, Priority.NORMAL);
        assertThat(Quota.victimsFor(Priority.NORMAL)).containsExactly(Priority.TELEMETRY, Priority.NORMAL);
        assertThat(Quota.victimsFor(Priority.TELEMETRY)).containsExactly(Priority.TELEMETRY);
    }

    @Test
    void backoffDoublesWithJitterUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        SplittableRandom random = new SplittableRandom(7);
        assertThat(backoff.delay(0, random)).isZero();
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(1, random).toMillis()).isBetween(50L, 100L);
            assertThat(backoff.delay(4, random).toMillis()).isBetween(400L, 800L);
            assertThat(backoff.delay(60, random).toMillis()).isBetween(2500L, 5000L);
        }
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> backoff.delay(5, random).toMillis())
                .distinct()
                .count();
        assertThat(distinct).as("jitter spreads retries").isGreaterThan(10);
    }
}

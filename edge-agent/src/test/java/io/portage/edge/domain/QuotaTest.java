package io.portage.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
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
    void withinTheQuotaNothingIsShed() {
        Quota quota = new Quota(10, 1_000);
        assertThat(quota.exceeded(10, 1_000)).isFalse();
        assertThat(quota.toShed(Priority.TELEMETRY, Map.of(Priority.TELEMETRY, 10L), 10, 1_000)).isEmpty();
    }

    @Test
    void aFullStoreShedsTelemetryBeforeNormalAndOnlyWhatIsNeeded() {
        Quota quota = new Quota(10, Long.MAX_VALUE);
        Map<Priority, Long> stored = Map.of(Priority.TELEMETRY, 2L, Priority.NORMAL, 3L, Priority.GATE, 5L);
        assertThat(quota.toShed(Priority.GATE, stored, 11, 0)).containsExactly(Map.entry(Priority.TELEMETRY, 1L));
        assertThat(quota.toShed(Priority.DISPATCH, stored, 13, 0))
                .containsExactly(Map.entry(Priority.NORMAL, 1L), Map.entry(Priority.TELEMETRY, 2L));
        assertThat(quota.toShed(Priority.NORMAL, stored, 15, 0))
                .containsExactly(Map.entry(Priority.NORMAL, 3L), Map.entry(Priority.TELEMETRY, 2L));
    }

    @Test
    void whatOnlyMoreImportantEventsCouldMakeRoomForIsRefused() {
        Quota quota = new Quota(10, Long.MAX_VALUE);
        Map<Priority, Long> stored = Map.of(Priority.TELEMETRY, 1L, Priority.NORMAL, 4L, Priority.GATE, 3L,
                Priority.DISPATCH, 3L);
        assertThatThrownBy(() -> quota.toShed(Priority.TELEMETRY, stored, 12, 0))
                .as("telemetry never displaces a normal event")
                .isInstanceOfSatisfying(StorageFullException.class,
                        full -> assertThat(full.incoming()).isEqualTo(Priority.TELEMETRY))
                .hasMessageContaining("1 more would have to go");
        assertThatThrownBy(() -> quota.toShed(Priority.GATE, stored, 17, 0))
                .as("gate and dispatch events are never shed, not even for a gate event")
                .isInstanceOf(StorageFullException.class)
                .hasMessageContaining("2 more would have to go");
    }

    @Test
    void theByteExcessBecomesEventsByTheAverageRowRoundedUp() {
        Quota quota = new Quota(Long.MAX_VALUE, 10_000);
        Map<Priority, Long> stored = Map.of(Priority.TELEMETRY, 100L);
        assertThat(quota.exceeded(10, 10_001)).isTrue();
        assertThat(quota.toShed(Priority.TELEMETRY, stored, 10, 10_001))
                .containsExactly(Map.entry(Priority.TELEMETRY, 1L));
        assertThat(quota.toShed(Priority.TELEMETRY, stored, 10, 12_500))
                .as("2,500 bytes over at 1,250 bytes a row")
                .containsExactly(Map.entry(Priority.TELEMETRY, 2L));
        assertThat(quota.toShed(Priority.TELEMETRY, stored, 10, 12_501))
                .containsExactly(Map.entry(Priority.TELEMETRY, 3L));
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

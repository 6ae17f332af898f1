package io.portage.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.portage.edi.domain.CircuitBreaker;

class CircuitBreakerTest {

    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void opensAfterTheFailuresInARowThenLetsOneCallThroughAfterTheWait() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(60));
        breaker.failed(T0);
        breaker.failed(T0);
        assertThat(breaker.allows(T0)).isTrue();
        breaker.failed(T0);
        assertThat(breaker.state(T0.plusSeconds(59))).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allows(T0.plusSeconds(59))).isFalse();
        assertThat(breaker.state(T0.plusSeconds(60))).isEqualTo(CircuitBreaker.State.HALF_OPEN);

        breaker.failed(T0.plusSeconds(60));
        assertThat(breaker.allows(T0.plusSeconds(61))).as("a failed trial opens it again at once").isFalse();

        breaker.succeeded();
        assertThat(breaker.state(T0.plusSeconds(61))).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSuccessResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(60));
        breaker.failed(T0);
        breaker.succeeded();
        breaker.failed(T0);
        assertThat(breaker.allows(T0)).isTrue();
    }
}

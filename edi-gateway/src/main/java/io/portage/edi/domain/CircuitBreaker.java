package io.portage.edi.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker of one partner server: after {@code failures} failed calls in a row it opens and refuses calls
 * for {@code openFor}; then one call is let through (half open), which closes it on success or opens it again.
 */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failures;
    private final Duration openFor;
    private int failedInARow;
    private Instant openedAt;

    public CircuitBreaker(int failures, Duration openFor) {
        this.failures = failures;
        this.openFor = openFor;
    }

    public synchronized State state(Instant now) {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return now.isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }

    /** Whether a call may go out now. */
    public synchronized boolean allows(Instant now) {
        return state(now) != State.OPEN;
    }

    public synchronized void succeeded() {
        failedInARow = 0;
        openedAt = null;
    }

    public synchronized void failed(Instant now) {
        failedInARow++;
        if (openedAt != null || failedInARow >= failures) {
            openedAt = now;
        }
    }

    /** When the breaker lets a call through again (null when closed). */
    public synchronized Instant opensAgainAt() {
        return openedAt == null ? null : openedAt.plus(openFor);
    }
}

package io.portage.edge.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What waits at the edge to be forwarded: how many events, when the next one in arrival order was received, how many
 * per priority, the bytes the store takes on disk and uses for rows, and how many events wait as dead letters.
 */
public record Backlog(long pending, Instant oldestPendingReceivedAt, Map<Priority, Long> byPriority, long storeBytes,
        long usedBytes, long deadLetters) {

    /** How long the oldest pending event has waited, in whole seconds; 0 when nothing is pending. */
    public long oldestPendingAgeSeconds(Instant now) {
        if (oldestPendingReceivedAt == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldestPendingReceivedAt, now).toSeconds());
    }
}

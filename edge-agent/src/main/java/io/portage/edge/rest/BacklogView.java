package io.portage.edge.rest;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.portage.edge.domain.Backlog;
import io.portage.edge.domain.Priority;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of {@code GET /api/v1/backlog}: events not yet forwarded, how long the oldest has waited, a count for
 * every priority (zero included), the store's size on disk (file, WAL) and the bytes its
 * rows use (what the quota counts).
 */
@RegisterForReflection
public record BacklogView(long pending, long oldestPendingAgeSeconds, Map<Priority, Long> byPriority, long storeBytes,
        long usedBytes) {

    static BacklogView of(Backlog backlog, Instant now) {
        Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            byPriority.put(priority, backlog.byPriority().getOrDefault(priority, 0L));
        }
        return new BacklogView(backlog.pending(), backlog.oldestPendingAgeSeconds(now), byPriority, backlog.storeBytes(),
                backlog.usedBytes());
    }
}

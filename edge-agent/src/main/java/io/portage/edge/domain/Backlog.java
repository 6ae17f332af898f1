package io.portage.edge.domain;

import java.time.Instant;
import java.util.Map;

/** What waits at the edge to be forwarded: how many events, the oldest one's receipt time, per priority, disk used. */
public record Backlog(long pending, Instant oldestPendingReceivedAt, Map<Priority, Long> byPriority, long storeBytes) {
}

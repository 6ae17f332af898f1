package io.portage.edge.domain;

import java.time.Instant;

/** An event the receiver rejected as invalid, set aside so it does not block the queue, with why and when. */
public record DeadLetter(EdgeEvent event, String reason, Instant rejectedAt) {
}

package io.portage.kit.events;

import java.net.URI;
import java.time.Instant;

/**
 * Who emits an event, about which aggregate and in which flow: the CloudEvents {@code source}, {@code subject} (the
 * aggregate id, also the Kafka key) and {@code time}, and the Portage extensions correlation id, partner id and
 * per-aggregate sequence.
 */
public record EventEnvelope(URI source, String subject, Instant time, String correlationId, String partnerId, long sequence) {
}

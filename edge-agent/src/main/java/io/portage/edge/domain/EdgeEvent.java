package io.portage.edge.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A scanner or WMS event as the edge keeps it: its id (the scanner's, or assigned at the edge), a dotted type such as
 * {@code scan.pick.confirmed}, the business key it is about (order, shipment, trailer), its priority, when it happened,
 * when the edge received it, and its payload (a JSON object, kept as text).
 */
public record EdgeEvent(UUID id, String type, String key, Priority priority, Instant occurredAt, Instant receivedAt,
        String payload) {
}

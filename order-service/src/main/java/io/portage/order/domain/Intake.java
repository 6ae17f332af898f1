package io.portage.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How an order came in, fixed at receipt: the channel and the channel's own id for it (unique together, so a
 * resubmission finds it), the partner it belongs to, the warehouse it ships from, the correlation id and when.
 */
@Embeddable
public record Intake(String channel, @Column(name = "external_id") String externalId,
        @Column(name = "partner_id") String partnerId, String warehouse,
        @Column(name = "correlation_id") String correlationId, @Column(name = "received_at") Instant receivedAt) {
}

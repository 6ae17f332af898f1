package io.portage.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** When and why an order was cancelled (by its channel, a partner, an operator or Odoo). */
@Embeddable
public record Cancellation(@Column(name = "cancelled_at") Instant at, @Column(name = "cancel_reason") String reason) {
}

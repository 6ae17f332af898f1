package io.portage.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** To whom an order was released for picking and shipping, and when (once Odoo confirmed it). */
@Embeddable
public record Release(@Enumerated(EnumType.STRING) @Column(name = "fulfiller_type") Fulfiller.Type fulfillerType,
        @Column(name = "fulfiller_id") String fulfillerId, @Column(name = "released_at") Instant at) {

    static Release to(Fulfiller fulfiller, Instant at) {
        return new Release(fulfiller.type(), fulfiller.id(), at);
    }

    public Fulfiller fulfiller() {
        return new Fulfiller(fulfillerType, fulfillerId);
    }
}

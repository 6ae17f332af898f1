package io.portage.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step in an order's history: the status it reached (or kept, for a late event), when, from what, and why. */
@Embeddable
public class HistoryEntry {

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private OrderStatus status;
    @Column(name = "at")
    private Instant at;
    @Column(name = "source")
    private String source;
    @Column(name = "detail")
    private String detail;

    protected HistoryEntry() {
    }

    HistoryEntry(OrderStatus status, Instant at, String source, String detail) {
        this.status = status;
        this.at = at;
        this.source = source;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }

    public OrderStatus status() {
        return status;
    }

    public Instant at() {
        return at;
    }

    public String source() {
        return source;
    }

    public String detail() {
        return detail;
    }
}

package io.portage.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One step in an order's history: the status it reached, when, from what, and why; or, with a {@link Note}, something
 * recorded without a change of status (a late milestone, an invoice).
 */
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
    @Enumerated(EnumType.STRING)
    @Column(name = "note")
    private Note note;

    protected HistoryEntry() {
    }

    /**
     * What an entry that did not change the status records: a milestone reported too late, before release or after a
     * cancellation (its status is the milestone reported), or a fact about the order at its status (an invoice, an Odoo
     * cancellation that came after dispatch, an Odoo transfer done before release, a change of ship-to or lines).
     */
    public enum Note {

        LATE, NOT_RELEASED, AFTER_CANCELLATION, INVOICED, ERP_CANCELLED_AFTER_DISPATCH, EARLY_TRANSFER, CHANGED;

        /** Whether the entry's status is a milestone someone reported reaching (when it happened, if not applied). */
        public boolean reportsMilestone() {
            return this == LATE || this == NOT_RELEASED || this == AFTER_CANCELLATION;
        }
    }

    HistoryEntry(OrderStatus status, Instant at, String source, String detail) {
        this(status, at, source, detail, null);
    }

    HistoryEntry(OrderStatus status, Instant at, String source, String detail, Note note) {
        this.note = note;
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

    /** Null for a change of status; otherwise what the entry records without one. */
    public Note note() {
        return note;
    }
}

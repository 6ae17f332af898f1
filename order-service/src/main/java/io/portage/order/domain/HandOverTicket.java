package io.portage.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An accepted order's place in the queue of hand-overs to Odoo: when it is due, how often it was tried, the last
 * error, and until when a worker holds it. Workers claim due tickets in one statement
 * ({@code OrderRepository.claimDue}: {@code claimedUntil} set, one more attempt); the order then clears its ticket on
 * release or reschedules it when the hand-over failed.
 */
@Embeddable
public class HandOverTicket {

    private static final int MAX_ERROR = 1000;

    @Column(name = "sync_attempts")
    private int attempts;
    @Column(name = "sync_due_at")
    private Instant dueAt;
    @Column(name = "sync_claimed_until")
    private Instant claimedUntil;
    @Column(name = "sync_error")
    private String error;

    /** Due at {@code now}, unclaimed, without an error (an order accepted). */
    void dueAt(Instant now) {
        dueAt = now;
        claimedUntil = null;
        error = null;
    }

    /** The hand-over failed for a reason that passes: due again at {@code retryAt}, with the error kept. */
    void fail(String failure, Instant retryAt) {
        error = failure == null || failure.length() <= MAX_ERROR ? failure : failure.substring(0, MAX_ERROR - 3) + "...";
        dueAt = retryAt;
        claimedUntil = null;
    }

    /** Nothing left to hand over: Odoo confirmed the order. */
    void clear() {
        dueAt = null;
        claimedUntil = null;
        error = null;
    }

    /** Out of the queue without being handed over (held, or cancelled); the last error stays for the record. */
    void withdraw() {
        dueAt = null;
        claimedUntil = null;
    }

    /** Whether a worker holds the ticket at {@code now} (talking to Odoo). */
    boolean claimed(Instant now) {
        return claimedUntil != null && claimedUntil.isAfter(now);
    }

    public int attempts() {
        return attempts;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String error() {
        return error;
    }
}

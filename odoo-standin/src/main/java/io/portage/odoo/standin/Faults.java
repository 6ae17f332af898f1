package io.portage.odoo.standin;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/** Run-time control of the faults and the latency the stand-in adds to its calls. */
public final class Faults {

    private final Deque<Fault> pending = new ArrayDeque<>();
    private volatile Duration latency;

    Faults(Duration latency) {
        this.latency = Objects.requireNonNull(latency);
    }

    /** Makes the next {@code count} calls (any route but {@code version_info}) answer {@code fault}, after any already queued. */
    public synchronized Faults failNext(int count, Fault fault) {
        Objects.requireNonNull(fault);
        for (int i = 0; i < count; i++) {
            pending.addLast(fault);
        }
        return this;
    }

    /** Sets the time added to every call. */
    public Faults latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency);
        return this;
    }

    /** Drops every queued fault and the added latency. */
    public synchronized Faults clear() {
        pending.clear();
        latency = Duration.ZERO;
        return this;
    }

    /** How many injected faults are still queued. */
    public synchronized int pending() {
        return pending.size();
    }

    Duration latency() {
        return latency;
    }

    synchronized Fault take() {
        return pending.pollFirst();
    }
}

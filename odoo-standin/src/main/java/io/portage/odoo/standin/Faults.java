package io.portage.odoo.standin;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Run-time control of the faults, the latency and the per-method costs the stand-in adds to its calls. */
public final class Faults {

    /** The time a method takes beyond the latency: a fixed part per call and a part per record it creates or changes. */
    public record Cost(Duration perCall, Duration perRecord) {

        public Cost {
            Objects.requireNonNull(perCall);
            Objects.requireNonNull(perRecord);
        }

        /** {@code perCall + records * perRecord}. */
        public Duration of(int records) {
            return perCall.plus(perRecord.multipliedBy(records));
        }
    }

    private final Deque<Fault> pending = new ArrayDeque<>();
    private final Map<String, Deque<Fault>> pendingByMethod = new ConcurrentHashMap<>();
    private final Map<String, Cost> costs = new ConcurrentHashMap<>();
    private volatile Duration latency;

    Faults(Duration latency, Map<String, Cost> costs) {
        this.latency = Objects.requireNonNull(latency);
        this.costs.putAll(costs);
    }

    /** Makes the next {@code count} calls (any route but {@code version_info}) answer {@code fault}, after any already queued. */
    public synchronized Faults failNext(int count, Fault fault) {
        Objects.requireNonNull(fault);
        for (int i = 0; i < count; i++) {
            pending.addLast(fault);
        }
        return this;
    }

    /**
     * Makes the next {@code count} calls of {@code model.method} answer {@code fault}, e.g. a {@code create} that commits
     * and then times out. Faults queued by {@link #failNext(int, Fault)} come first.
     */
    public synchronized Faults failNext(String model, String method, int count, Fault fault) {
        Objects.requireNonNull(fault);
        Deque<Fault> queue = pendingByMethod.computeIfAbsent(model + "/" + method, k -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** Sets the time added to every call. */
    public Faults latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency);
        return this;
    }

    /**
     * Makes every call of {@code model.method} take {@code perCall} plus {@code perRecord} for each record it creates
     * ({@code create}: one per values dict) or runs on (record methods such as {@code write}, {@code action_confirm}:
     * one per id), after the model has answered and on top of the latency.
     */
    public Faults cost(String model, String method, Duration perCall, Duration perRecord) {
        costs.put(model + "/" + method, new Cost(perCall, perRecord));
        return this;
    }

    /** Drops every queued fault, the added latency and the per-method costs. */
    public synchronized Faults clear() {
        pending.clear();
        pendingByMethod.clear();
        latency = Duration.ZERO;
        costs.clear();
        return this;
    }

    /** How many injected faults are still queued, for any call or for a model and method. */
    public synchronized int pending() {
        return pending.size() + pendingByMethod.values().stream().mapToInt(Deque::size).sum();
    }

    Duration latency() {
        return latency;
    }

    /** The cost of one call of {@code model.method} over {@code records} records (zero when none is set). */
    Duration cost(String model, String method, int records) {
        Cost cost = costs.get(model + "/" + method);
        return cost == null ? Duration.ZERO : cost.of(records);
    }

    /** The fault for this call: the next of any call, else the next of this model and method (null: none). */
    synchronized Fault take(String model, String method) {
        Fault next = pending.pollFirst();
        if (next != null || model == null) {
            return next;
        }
        Deque<Fault> queue = pendingByMethod.get(model + "/" + method);
        return queue == null ? null : queue.pollFirst();
    }
}

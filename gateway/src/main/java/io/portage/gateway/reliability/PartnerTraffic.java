package io.portage.gateway.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.gateway.config.GatewayConfig;

/**
 * Partners' requests counted in memory until the next flush: per partner, route template, time bucket and status
 * class, the number and a {@link LatencyHistogram}. Recording takes one map look-up and an uncontended lock on the
 * counter; a counter taken by a flush is closed, and a request that reaches it afterwards counts in a new one, so no
 * request is lost between a flush and the next.
 */
@ApplicationScoped
public class PartnerTraffic {

    /** What one counter counts. {@code bucketStart} is in epoch seconds. */
    public record Key(long bucketStart, String partner, String route, String statusClass) {
    }

    /** A counter as a flush took it. */
    public record Counted(Key key, long requests, int[] latencyCounts) {
    }

    private static final class Counter {

        private final LatencyHistogram latencies = new LatencyHistogram();
        private long requests;
        private boolean taken;
    }

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final long bucketSeconds;
    private final int maxPending;
    private final LongAdder dropped = new LongAdder();

    public PartnerTraffic(GatewayConfig config, MeterRegistry metrics) {
        this.bucketSeconds = config.reliability().bucket().toSeconds();
        this.maxPending = config.reliability().maxPending();
        metrics.more().counter("portage.gateway.reliability.dropped", List.of(), dropped, LongAdder::sum);
    }

    /** Counts one answered (or abandoned) request at {@code epochMillis}. */
    public void record(String partner, String route, String statusClass, long nanos, long epochMillis) {
        long second = epochMillis / 1_000;
        Key key = new Key(second - Math.floorMod(second, bucketSeconds), partner, route, statusClass);
        add(key, 1, null, nanos);
    }

    /** Takes every counter for a flush; what is recorded from now on counts in new ones. */
    public List<Counted> drain() {
        List<Counted> taken = new ArrayList<>(counters.size());
        for (Key key : counters.keySet()) {
            Counter counter = counters.remove(key);
            if (counter != null) {
                synchronized (counter) {
                    counter.taken = true;
                    taken.add(new Counted(key, counter.requests, counter.latencies.counts()));
                }
            }
        }
        return taken;
    }

    /** Puts back what a failed flush took, to be added into the database with the next one. */
    public void restore(List<Counted> taken) {
        taken.forEach(counted -> add(counted.key(), counted.requests(), counted.latencyCounts(), 0));
    }

    /** Requests not counted since the start because {@code max-pending} counters were waiting for the database. */
    public long dropped() {
        return dropped.sum();
    }

    private void add(Key key, long requests, int[] latencyCounts, long nanos) {
        while (true) {
            Counter counter = counters.get(key);
            if (counter == null) {
                if (counters.size() >= maxPending) {
                    dropped.add(requests);
                    return;
                }
                counter = counters.computeIfAbsent(key, ignored -> new Counter());
            }
            synchronized (counter) {
                if (!counter.taken) {
                    counter.requests += requests;
                    if (latencyCounts == null) {
                        counter.latencies.record(nanos);
                    } else {
                        counter.latencies.add(latencyCounts);
                    }
                    return;
                }
            }
        }
    }
}

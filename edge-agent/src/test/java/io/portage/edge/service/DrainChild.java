package io.portage.edge.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.repository.EventStore;

/**
 * Drains the backlog {@link LargeBacklogDrainTest} stored, in a JVM with a small heap, through the real
 * {@link Forwarder} to a receiver that checks every event once and in order per key. Prints the heap after GC every
 * tenth of the way ({@code HEAP <drained> <MB>}) and at the end {@code DRAINED <events> <duplicates> <out of order>}.
 */
public final class DrainChild {

    private DrainChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int total = Integer.parseInt(args[1]);
        int keys = Integer.parseInt(args[2]);
        BitSet seen = new BitSet(total);
        int[] lastByKey = new int[keys];
        java.util.Arrays.fill(lastByKey, -1);
        long[] counts = new long[3];
        try (EventStore store = EventStore.open(file)) {
            Forwarder forwarder = new Forwarder(store, events -> {
                List<ForwardResult> results = new ArrayList<>(events.size());
                for (EdgeEvent event : events) {
                    int n = (int) event.id().getLeastSignificantBits();
                    counts[0]++;
                    if (seen.get(n)) {
                        counts[1]++;
                    }
                    seen.set(n);
                    int key = Integer.parseInt(event.key().substring(2));
                    if (n <= lastByKey[key]) {
                        counts[2]++;
                    }
                    lastByKey[key] = n;
                    results.add(new ForwardResult(event.id(), ForwardResult.Status.ACCEPTED, null));
                }
                return Collections.unmodifiableList(results);
            }, 500, Clock.systemUTC());
            long nextReport = total / 10;
            while (forwarder.forwardOnce().sent() > 0) {
                if (counts[0] >= nextReport) {
                    store.compact(Instant.now().plusSeconds(1), Integer.MAX_VALUE);
                    System.out.println("HEAP " + counts[0] + " " + heapAfterGcMb());
                    nextReport += total / 10;
                }
            }
        }
        System.out.println("DRAINED " + counts[0] + " " + counts[1] + " " + counts[2]);
    }

    static long heapAfterGcMb() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}

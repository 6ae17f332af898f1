package io.portage.edge.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How much the store may hold (events and bytes of database pages), and which stored events incoming events may
 * displace when it is full: the least important first, never gate or dispatch events, never one more important than
 * the least important incoming event.
 */
public record Quota(long maxEvents, long maxBytes) {

    public static final Quota UNLIMITED = new Quota(Long.MAX_VALUE, Long.MAX_VALUE);

    /**
     * The priorities that may be shed to make room for events whose least important priority is {@code incoming}, in
     * the order to shed them (telemetry first); empty when nothing may be shed and the input must be refused.
     */
    public static List<Priority> victimsFor(Priority incoming) {
        List<Priority> victims = new ArrayList<>();
        for (int rank = Priority.TELEMETRY.rank(); rank >= 0; rank--) {
            Priority candidate = Priority.ofRank(rank);
            if (candidate.sheddable() && candidate.rank() >= incoming.rank()) {
                victims.add(candidate);
            }
        }
        return victims;
    }

    public boolean exceeded(long events, long bytes) {
        return events > maxEvents || bytes > maxBytes;
    }

    /**
     * How many stored events of each priority to shed, the oldest of each, so that a store holding {@code events}
     * events in {@code bytes} fits the quota again after taking input whose least important priority is
     * {@code incoming}; {@code sheddable} is what it held before that input, per priority. Empty when it fits. The
     * byte excess becomes a number of events by the average row size, rounded up.
     *
     * @throws StorageFullException when all that may be shed is not enough: the input must be refused
     */
    public Map<Priority, Long> toShed(Priority incoming, Map<Priority, Long> sheddable, long events, long bytes) {
        Map<Priority, Long> shed = new EnumMap<>(Priority.class);
        if (!exceeded(events, bytes)) {
            return shed;
        }
        long need = Math.max(0, events - maxEvents);
        if (bytes > maxBytes) {
            long perRow = Math.max(1, bytes / Math.max(1, events));
            need = Math.max(need, (bytes - maxBytes + perRow - 1) / perRow);
        }
        for (Priority victim : victimsFor(incoming)) {
            long taken = Math.min(need, sheddable.getOrDefault(victim, 0L));
            if (taken > 0) {
                shed.put(victim, taken);
                need -= taken;
            }
        }
        if (need > 0) {
            throw new StorageFullException(incoming, "the store is at its quota (" + maxEvents + " events, " + maxBytes
                    + " bytes) and holds no events less important than " + incoming + " to shed; " + need
                    + " more would have to go");
        }
        return shed;
    }
}

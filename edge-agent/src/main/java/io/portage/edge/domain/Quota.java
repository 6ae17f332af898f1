package io.portage.edge.domain;

import java.util.ArrayList;
import java.util.List;

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
}

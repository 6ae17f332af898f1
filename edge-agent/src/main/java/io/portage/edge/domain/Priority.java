package io.portage.edge.domain;

/**
 * What an event is worth when the uplink is down and the disk fills: gate and dispatch events go first and are
 * never shed, normal events next, telemetry goes last and is shed first.
 */
public enum Priority {

    GATE, DISPATCH, NORMAL, TELEMETRY;

    /** 0 for the most important; the store orders forwarding by it. */
    public int rank() {
        return ordinal();
    }

    /** Whether a full disk may drop events of this priority to make room (never gate or dispatch events). */
    public boolean sheddable() {
        return this == NORMAL || this == TELEMETRY;
    }

    public static Priority ofRank(int rank) {
        return values()[rank];
    }
}

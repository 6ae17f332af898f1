package io.portage.yard.domain;

/** Whether a carrier brings goods to the warehouse or collects them. */
public enum Direction {
    INBOUND, OUTBOUND
}

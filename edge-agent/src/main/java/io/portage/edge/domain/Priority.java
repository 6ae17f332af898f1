package io.portage.edge.domain;

/**
 * What an event is worth when the uplink is down and the disk fills: gate and dispatch events go first and are
 * shed last, telemetry goes last and is shed first.
 */
public enum Priority {
    GATE, DISPATCH, NORMAL, TELEMETRY
}

package io.portage.order.service;

import java.util.UUID;

/** A change made against a version of the order that is no longer current (read it again and repeat the change). */
public class StaleOrderException extends RuntimeException {

    public StaleOrderException(UUID id, long expected, long current, Throwable cause) {
        super("Order " + id + " is no longer at version " + expected + (current >= 0 ? " (it is at " + current + ")" : "")
                + "; read it again and repeat the change", cause);
    }
}

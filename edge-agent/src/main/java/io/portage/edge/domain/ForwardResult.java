package io.portage.edge.domain;

import java.util.UUID;

/** The receiver's answer for one forwarded event: accepted, duplicate (both done) or rejected as invalid. */
public record ForwardResult(UUID id, Status status, String reason) {

    /** What the receiver did with an event. */
    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED
    }
}

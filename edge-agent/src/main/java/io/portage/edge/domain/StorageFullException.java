package io.portage.edge.domain;

/** Thrown when the store is at its quota and only events as important as the incoming ones or more could be shed. */
public class StorageFullException extends RuntimeException {

    private final Priority incoming;

    public StorageFullException(Priority incoming, String message) {
        super(message);
        this.incoming = incoming;
    }

    public Priority incoming() {
        return incoming;
    }
}

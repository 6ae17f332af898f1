package io.portage.edge.domain;

/** The receiver could not be reached or did not take the batch (no 2xx): nothing is marked, the batch is retried. */
public class UplinkUnavailableException extends RuntimeException {

    public UplinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

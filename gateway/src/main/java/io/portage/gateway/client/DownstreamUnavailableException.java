package io.portage.gateway.client;

/** A service behind the gateway did not answer usefully (down, too slow, 5xx, or its circuit is open). */
public class DownstreamUnavailableException extends RuntimeException {

    public DownstreamUnavailableException(String message) {
        super(message);
    }
}

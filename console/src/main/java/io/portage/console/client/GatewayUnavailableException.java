package io.portage.console.client;

/** The gateway, or the service behind it, failed to answer (unreachable, timed out or a 5xx). */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message) {
        super(message);
    }
}

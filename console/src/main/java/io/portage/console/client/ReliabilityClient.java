package io.portage.console.client;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads partners' reliability from the gateway with the person's token, through {@link GatewayClient}'s one guard
 * (timeout, an unreachable gateway or a 5xx answered as a 503 {@link Answer}).
 */
@ApplicationScoped
public class ReliabilityClient {

    private final GatewayClient gateway;
    private final ReliabilityRestClient api;

    public ReliabilityClient(GatewayClient gateway, @RestClient ReliabilityRestClient api) {
        this.gateway = gateway;
        this.api = api;
    }

    /** The figures for {@code query} ({@code from}, {@code to}, {@code partner}, {@code route}; absent: the gateway's defaults). */
    public Answer read(String token, Map<String, String> query) {
        return gateway.call("the gateway", () -> api.read(query, "Bearer " + token));
    }
}

package io.portage.gateway.service;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's own access token, relayed as it came to the service a call is routed to. The service verifies it again
 * and reads the partner or operator from it: no service trusts the gateway's network or a header it sets.
 */
@RequestScoped
public class AccessTokenRelay {

    private final JsonWebToken token;

    public AccessTokenRelay(JsonWebToken token) {
        this.token = token;
    }

    /** The {@code Authorization} header for the relayed call. */
    public String authorization() {
        return "Bearer " + token.getRawToken();
    }
}

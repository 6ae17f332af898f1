package io.portage.gateway.service;

import java.util.Set;

import jakarta.ws.rs.ForbiddenException;

/**
 * Who is calling, as the verified access token says: the partner (tenant), the OAuth client and its granted scopes.
 * Never taken from a header the caller sets.
 */
public record Caller(String partnerId, String clientId, Set<String> scopes) {

    /** Refuses the call (403) unless the token grants {@code scope}. */
    public void require(String scope) {
        if (!scopes.contains(scope)) {
            throw new ForbiddenException("This call needs the '" + scope + "' scope; the token grants " + scopes);
        }
    }
}

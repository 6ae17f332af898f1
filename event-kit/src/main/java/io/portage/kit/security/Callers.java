package io.portage.kit.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.portage.kit.rest.ProblemException;

/**
 * The {@link Caller} of the current request. Every service validates the access token the gateway relays (quarkus-oidc
 * checks signature, issuer, audience and expiry; {@code /api/*} and {@code /ops/*} refuse calls without one), so no
 * service trusts the network or a header: tenant isolation holds even for a call that bypasses the gateway.
 */
@RequestScoped
public class Callers {

    private final JsonWebToken token;
    private final String partnerClaim;

    public Callers(JsonWebToken token,
            @ConfigProperty(name = "portage.security.partner-claim", defaultValue = "partner_id") String partnerClaim) {
        this.token = token;
        this.partnerClaim = partnerClaim;
    }

    public Caller current() {
        return verified().requireIdentity(partnerClaim);
    }

    /**
     * The person calling, partner or not: for calls open to people by realm role (an exception item's owner), where
     * {@link Caller#requireOwner} decides what they may touch.
     */
    public Caller person() {
        return verified().requireName();
    }

    private Caller verified() {
        if (token == null || token.getRawToken() == null) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "This call needs a bearer access token");
        }
        return Caller.of(token, partnerClaim);
    }
}

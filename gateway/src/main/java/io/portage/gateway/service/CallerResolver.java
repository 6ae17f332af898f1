package io.portage.gateway.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.portage.gateway.config.GatewayConfig;

/** Reads the {@link Caller} from the request's verified access token (Keycloak's claims, as the services read them). */
@RequestScoped
public class CallerResolver {

    private final JsonWebToken token;
    private final GatewayConfig config;

    public CallerResolver(JsonWebToken token, GatewayConfig config) {
        this.token = token;
        this.config = config;
    }

    public Caller caller() {
        io.portage.kit.security.Caller caller = io.portage.kit.security.Caller.of(TokenClaims.of(token), config.partnerClaim());
        if (caller.partnerId() == null) {
            throw new ForbiddenException("The token names no partner (claim '" + config.partnerClaim() + "')");
        }
        return new Caller(caller.partnerId(), caller.clientId(), caller.scopes());
    }
}

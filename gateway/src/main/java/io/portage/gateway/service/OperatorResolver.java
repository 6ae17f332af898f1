package io.portage.gateway.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.portage.gateway.config.GatewayConfig;

/** Reads the {@link Operator} from the request's verified access token (Keycloak's claims, as the services read them). */
@RequestScoped
public class OperatorResolver {

    private static final String NAME = "[A-Za-z0-9._@-]{1,100}";

    private final JsonWebToken token;
    private final GatewayConfig config;

    public OperatorResolver(JsonWebToken token, GatewayConfig config) {
        this.token = token;
        this.config = config;
    }

    public Operator operator() {
        io.portage.kit.security.Caller caller = io.portage.kit.security.Caller.of(TokenClaims.of(token), config.partnerClaim());
        if (caller.name() == null || !caller.name().matches(NAME)) {
            throw new ForbiddenException("The token names no operator (claim preferred_username or azp)");
        }
        return new Operator(caller.name(), caller.roles(), caller.scopes());
    }
}

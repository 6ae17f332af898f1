package io.portage.gateway.service;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.portage.gateway.config.GatewayConfig;

/** Reads the {@link Caller} from the request's verified access token. */
@RequestScoped
public class CallerResolver {

    private static final String PARTNER_ID = "[A-Za-z0-9._-]{1,64}";

    private final JsonWebToken token;
    private final GatewayConfig config;

    public CallerResolver(JsonWebToken token, GatewayConfig config) {
        this.token = token;
        this.config = config;
    }

    public Caller caller() {
        Object partner = token.getClaim(config.partnerClaim());
        String partnerId = partner == null ? null : partner.toString().replace("\"", "");
        if (partnerId == null || !partnerId.matches(PARTNER_ID)) {
            throw new ForbiddenException("The token names no partner (claim '" + config.partnerClaim() + "')");
        }
        String scope = token.getClaim("scope") == null ? "" : token.getClaim("scope").toString();
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        scopes.remove("");
        Object azp = token.getClaim("azp");
        return new Caller(partnerId, azp == null ? null : azp.toString().replace("\"", ""), Set.copyOf(scopes));
    }
}

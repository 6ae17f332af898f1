package io.portage.gateway.service;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.ClientProxy;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;

/**
 * The request's verified access token, with its custom claims ({@code partner_id}, {@code scope},
 * {@code realm_access}) read from the verified claims set directly: smallrye-jwt's {@code getClaim(String)} throws and
 * catches an exception for every name that is not a standard claim, four per relayed call (the gateway's JFR profile).
 * The values are the same {@code jakarta.json} values it answers.
 */
public final class TokenClaims implements JsonWebToken {

    private static final Set<String> STANDARD = Arrays.stream(Claims.values()).map(Claims::name).collect(Collectors.toSet());

    private final OidcJwtCallerPrincipal token;

    private TokenClaims(OidcJwtCallerPrincipal token) {
        this.token = token;
    }

    /**
     * A view of {@code token} (the injected request-scoped proxy or the token itself) that reads custom claims without
     * the exception; the token as it is if it is not a verified JWT.
     */
    public static JsonWebToken of(JsonWebToken token) {
        return ClientProxy.unwrap(token) instanceof OidcJwtCallerPrincipal jwt ? new TokenClaims(jwt) : token;
    }

    @Override
    public String getName() {
        return token.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        return STANDARD.contains(name) ? token.getClaim(name) : (T) token.getClaims().getClaimValue(name);
    }
}

package io.portage.gateway.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token the gateway has already verified with the identity it had then (see {@link VerifiedTokens}),
 * ahead of Quarkus OIDC's mechanism; any other request (another token, none, another scheme) goes on to Quarkus OIDC,
 * which verifies it, challenges it and answers 401 as it always has.
 */
@ApplicationScoped
public class RememberedTokens implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final VerifiedTokens tokens;

    public RememberedTokens(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        SecurityIdentity known = authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? null
                : tokens.find(authorization.substring(BEARER.length()).trim(), System.currentTimeMillis());
        return known == null ? Uni.createFrom().nullItem() : Uni.createFrom().item(new RememberedIdentity(known, context));
    }

    /** No challenge of its own: Quarkus OIDC's is sent. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** None declared, so a route that selects the bearer mechanism by name gets Quarkus OIDC's. */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Before Quarkus OIDC's mechanism. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}

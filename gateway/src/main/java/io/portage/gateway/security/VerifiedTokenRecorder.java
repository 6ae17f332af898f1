package io.portage.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Hands each identity Quarkus OIDC has just verified to {@link VerifiedTokens}, after every other augmentor: a remembered
 * identity is answered by {@link RememberedTokens} as it was then, without going through them again.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!RememberedIdentity.isRemembered(identity)) {
            tokens.remember(identity, System.currentTimeMillis());
        }
        return Uni.createFrom().item(identity);
    }
}

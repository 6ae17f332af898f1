package io.portage.gateway.security;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.portage.gateway.config.GatewayConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Access tokens this gateway has verified, with the identity Quarkus OIDC built from each, kept until the token expires
 * and at most {@code portage.gateway.token-cache.ttl}: a partner sends the same token for many calls, and checking its
 * RS256 signature and building its identity again was the largest single cost of a relayed read. Only the exact token
 * text that passed verification is found again; a token the gateway never verified, or one that has expired since, is
 * verified (and refused) as before. The trade-off, bounded by the TTL: a signing key removed from Keycloak's key set
 * still vouches for tokens already seen. Revocation is no different from before: tokens are verified locally, so a
 * token stays valid until it expires either way.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(SecurityIdentity identity, long untilMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final boolean enabled;
    private final long ttlMillis;
    private final int maxSize;

    @Inject
    public VerifiedTokens(GatewayConfig config) {
        this(config.tokenCache().enabled(), config.tokenCache().ttl(), config.tokenCache().maxSize());
    }

    VerifiedTokens(boolean enabled, Duration ttl, int maxSize) {
        this.enabled = enabled;
        this.ttlMillis = ttl.toMillis();
        this.maxSize = maxSize;
    }

    /** The identity verified for this exact token, if it has not expired since; null otherwise. */
    SecurityIdentity find(String token, long nowMillis) {
        Verified found = enabled ? verified.get(token) : null;
        if (found == null) {
            return null;
        }
        if (found.untilMillis() <= nowMillis) {
            verified.remove(token, found);
            return null;
        }
        hits.increment();
        return found.identity();
    }

    /** Remembers what Quarkus OIDC verified: a signed access token (JWT) with an expiry. */
    void remember(SecurityIdentity identity, long nowMillis) {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null || !credential.getToken().equals(jwt.getRawToken())) {
            return;
        }
        long until = Math.min(jwt.getExpirationTime() * 1000, nowMillis + ttlMillis);
        if (until <= nowMillis) {
            return;
        }
        if (verified.size() >= maxSize) {
            makeRoom(nowMillis);
        }
        verified.put(credential.getToken(), new Verified(identity, until));
    }

    /**
     * Drops the expired tokens and, if that is not enough, the tenth of the rest that would expire soonest: the tokens
     * partners are still sending stay, and a dropped one is only verified again on its next call.
     */
    private synchronized void makeRoom(long nowMillis) {
        verified.values().removeIf(entry -> entry.untilMillis() <= nowMillis);
        int excess = verified.size() - (maxSize - Math.max(1, maxSize / 10));
        if (excess > 0) {
            verified.entrySet()
                    .stream()
                    .sorted(Comparator.comparingLong(entry -> entry.getValue().untilMillis()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(verified::remove);
        }
    }

    /** Tokens remembered now. */
    int size() {
        return verified.size();
    }

    /** Calls answered with a token verified before. */
    public long hits() {
        return hits.sum();
    }
}

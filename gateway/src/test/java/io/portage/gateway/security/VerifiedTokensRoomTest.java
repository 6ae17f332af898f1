package io.portage.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** A full token cache makes room by dropping the tokens closest to their end, not every token partners send. */
class VerifiedTokensRoomTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void aFullCacheDropsTheExpiredThenTheSoonestToExpireAndKeepsTheRest() {
        VerifiedTokens tokens = new VerifiedTokens(true, Duration.ofHours(1), 10);
        for (int i = 0; i < 10; i++) { // none expired yet; token-0 is the closest to its end
            tokens.remember(identity("token-" + i, NOW / 1000 + 60 + i * 60L), NOW);
        }
        assertThat(tokens.size()).isEqualTo(10);

        tokens.remember(identity("token-new", NOW / 1000 + 3000), NOW);

        assertThat(tokens.size()).isEqualTo(10);
        assertThat(tokens.find("token-0", NOW)).as("the one expiring soonest").isNull();
        for (int i = 1; i < 10; i++) {
            assertThat(tokens.find("token-" + i, NOW)).as("token-" + i).isNotNull();
        }
        assertThat(tokens.find("token-new", NOW)).isNotNull();
    }

    @Test
    void expiredTokensAreDroppedFirst() {
        VerifiedTokens tokens = new VerifiedTokens(true, Duration.ofHours(1), 4);
        for (int i = 0; i < 4; i++) {
            tokens.remember(identity("token-" + i, NOW / 1000 + 60 + i * 60L), NOW);
        }
        long later = NOW + 150_000; // token-0 and token-1 have expired

        tokens.remember(identity("token-new", later / 1000 + 600), later);

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("token-2", later)).isNotNull();
        assertThat(tokens.find("token-3", later)).isNotNull();
    }

    private static SecurityIdentity identity(String raw, long expiresEpochSeconds) {
        Map<String, Object> claims = Map.of(Claims.raw_token.name(), raw, Claims.exp.name(), expiresEpochSeconds,
                Claims.sub.name(), "service-account-" + raw);
        JsonWebToken jwt = new JsonWebToken() {

            @Override
            public String getName() {
                return (String) claims.get(Claims.sub.name());
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addCredential(new AccessTokenCredential(raw)).build();
    }
}

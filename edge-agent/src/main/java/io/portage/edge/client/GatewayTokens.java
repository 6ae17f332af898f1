package io.portage.edge.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portage.edge.config.EdgeConfig;
import io.quarkus.logging.Log;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * The client-credentials access token for the gateway (quarkus-oidc-client's default client): fetched on first use,
 * cached, and fetched again (refresh grant when the provider gave a refresh token) once it expires within
 * {@code portage.edge.forward.token-refresh-skew}, or after the gateway answered 401.
 */
@ApplicationScoped
public class GatewayTokens {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OidcClient oidc;
    private final Duration skew;
    private final Counter fetched;
    private final Clock clock = Clock.systemUTC();
    private Tokens tokens;
    private Instant expiresAt;

    public GatewayTokens(OidcClient oidc, EdgeConfig config, MeterRegistry metrics) {
        this.oidc = oidc;
        this.skew = config.forward().tokenRefreshSkew();
        this.fetched = metrics.counter("portage.edge.forward.tokens.fetched");
    }

    /** {@code Bearer <token>}, fetching a token first when there is none or it is about to expire. */
    public synchronized String authorization() {
        Instant now = clock.instant();
        if (tokens == null || expiresAt != null && !now.isBefore(expiresAt.minus(skew))) {
            Tokens next = null;
            if (tokens != null && tokens.getRefreshToken() != null) {
                try {
                    next = oidc.refreshTokens(tokens.getRefreshToken()).await().atMost(TIMEOUT);
                } catch (RuntimeException e) {
                    Log.debugf("Refresh grant failed (%s); asking for a new token", e.getMessage());
                }
            }
            if (next == null) {
                next = oidc.getTokens().await().atMost(TIMEOUT);
            }
            tokens = next;
            Long expiry = next.getAccessTokenExpiresAt();
            expiresAt = expiry == null ? null : Instant.ofEpochSecond(expiry);
            fetched.increment();
            Log.debugf("Fetched a gateway token valid until %s", expiresAt);
        }
        return "Bearer " + tokens.getAccessToken();
    }

    /** Forgets the token (the gateway refused it); the next call fetches a new one. */
    public synchronized void invalidate() {
        tokens = null;
        expiresAt = null;
    }
}

package io.portage.edge.config;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a forwarding agent outside dev and test mode with the client secret application.properties ships
 * ({@value #DEFAULT_SECRET}): it would send every batch with a token it cannot get, or with a secret anyone can read.
 */
@ApplicationScoped
public class ClientSecretCheck {

    static final String DEFAULT_SECRET = "change-me";
    static final String SETTING = "quarkus.oidc-client.credentials.secret (environment: PORTAGE_EDGE_CLIENT_SECRET)";

    private final EdgeConfig config;
    private final Optional<String> secret;

    public ClientSecretCheck(EdgeConfig config,
            @ConfigProperty(name = "quarkus.oidc-client.credentials.secret") Optional<String> secret) {
        this.config = config;
        this.secret = secret;
    }

    void check(@Observes @Priority(1) StartupEvent event) {
        problem(LaunchMode.current(), config.forward().enabled(), secret).ifPresent(problem -> {
            Log.error(problem);
            throw new IllegalStateException(problem);
        });
    }

    /** What is wrong with starting in {@code mode} with this secret, if anything. */
    static Optional<String> problem(LaunchMode mode, boolean forwarding, Optional<String> secret) {
        if (mode.isDevOrTest() || !forwarding) {
            return Optional.empty();
        }
        if (secret.isEmpty() || secret.get().isBlank() || secret.get().equals(DEFAULT_SECRET)) {
            return Optional.of("Refusing to start: " + SETTING + " is "
                    + (secret.isPresent() && !secret.get().isBlank() ? "the default '" + DEFAULT_SECRET + "'" : "empty")
                    + "; set the warehouse client's secret from the identity provider (an EnvironmentFile, a Kubernetes"
                    + " Secret), or portage.edge.forward.enabled=false to store without forwarding");
        }
        return Optional.empty();
    }
}

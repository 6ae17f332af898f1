package io.portage.edge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class ClientSecretCheckTest {

    @Test
    void aForwardingAgentRefusesToStartWithTheDefaultOrNoSecretOutsideDevAndTest() {
        assertThat(ClientSecretCheck.problem(LaunchMode.NORMAL, true, Optional.of("change-me"))).hasValueSatisfying(
                line -> assertThat(line).contains("quarkus.oidc-client.credentials.secret", "PORTAGE_EDGE_CLIENT_SECRET",
                        "the default 'change-me'"));
        assertThat(ClientSecretCheck.problem(LaunchMode.NORMAL, true, Optional.empty())).hasValueSatisfying(
                line -> assertThat(line).contains("PORTAGE_EDGE_CLIENT_SECRET", "is empty"));
        assertThat(ClientSecretCheck.problem(LaunchMode.NORMAL, true, Optional.of(" "))).isPresent();
    }

    @Test
    void devTestAStoreOnlyAgentOrARealSecretStart() {
        assertThat(ClientSecretCheck.problem(LaunchMode.DEVELOPMENT, true, Optional.of("change-me"))).isEmpty();
        assertThat(ClientSecretCheck.problem(LaunchMode.TEST, true, Optional.of("change-me"))).isEmpty();
        assertThat(ClientSecretCheck.problem(LaunchMode.NORMAL, false, Optional.of("change-me"))).isEmpty();
        assertThat(ClientSecretCheck.problem(LaunchMode.NORMAL, true, Optional.of("s3cret-from-keycloak"))).isEmpty();
    }
}

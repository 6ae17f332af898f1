package io.portage.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.portage.partners.standin.LocalPartners;

/**
 * The launcher starts every service without a secret on its command line (which {@code ps} shows to every user):
 * each secret travels in the process's environment, and the command line names only the variable. Nothing is started.
 */
class SecretsOffTheCommandLineTest {

    static final List<String> SECRETS = List.of(Launcher.ODOO_API_KEY, Launcher.SHOP_WEBHOOK_SECRET,
            Launcher.ODOO_WEBHOOK_TOKEN, "portage-onboarding-dev-secret", "edge-wh1-dev-secret",
            Launcher.SHIPMENT_CLIENT_SECRET, LocalPartners.TMS_API_KEY, LocalPartners.TMS_WEBHOOK_SECRET);

    @Test
    void noServiceOfTheLocalStackHasASecretOnItsCommandLine() {
        Launcher launcher = new Launcher(PortageHome.locate());
        PostgresServer postgres = launcher.postgres();
        for (Launcher.Service service : Launcher.SERVICES) {
            QuarkusService.Launch launch = launcher
                    .configure(service, "127.0.0.1:9092", postgres, "http://127.0.0.1:8090/realms/portage")
                    .launch();
            for (String secret : SECRETS) {
                assertThat(launch.command()).as("%s's command line", service.name())
                        .noneMatch(argument -> argument.contains(secret));
            }
            assertThat(launch.command()).contains("-jar");
            for (Map.Entry<String, String> variable : launch.environment().entrySet()) {
                assertThat(launch.command()).as("%s names %s", service.name(), variable.getKey())
                        .anyMatch(argument -> argument.endsWith("=${" + variable.getKey() + "}"));
            }
        }
        Map<String, List<String>> expected = Map.of("gateway", List.of("portage-onboarding-dev-secret"), "edge-agent",
                List.of("edge-wh1-dev-secret"), "order-service",
                List.of(Launcher.ODOO_WEBHOOK_TOKEN, Launcher.SHOP_WEBHOOK_SECRET, Launcher.ODOO_API_KEY));
        expected.forEach((name, secrets) -> {
            Launcher.Service service = Launcher.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            QuarkusService.Launch launch = launcher.configure(service, "127.0.0.1:9092", postgres, "http://x/realms/portage")
                    .launch();
            assertThat(launch.environment().values()).as("%s's environment", name).containsExactlyInAnyOrderElementsOf(secrets);
        });
    }

    @Test
    void theEdgeAgentIsGivenItsKeysFileAndItsClientSecretThroughTheEnvironment() {
        Launcher launcher = new Launcher(PortageHome.locate());
        Launcher.Service edge = Launcher.SERVICES.stream()
                .filter(s -> s.name().equals("edge-agent"))
                .findFirst()
                .orElseThrow();
        QuarkusService.Launch launch = launcher
                .configure(edge, "127.0.0.1:9092", launcher.postgres(), "http://x/realms/portage")
                .launch();
        assertThat(launch.command()).contains("-Dquarkus.oidc-client.credentials.secret=${PORTAGE_SECRET_0}",
                "-Dportage.edge.auth.keys-file=" + EdgeKeys.file(launcher.runDir().resolve("edge")));
        assertThat(launch.environment()).containsExactly(Map.entry("PORTAGE_SECRET_0", "edge-wh1-dev-secret"));
    }

    @Test
    void theOdooStandInTakesItsApiKeyFromTheEnvironment() throws Exception {
        Launcher launcher = new Launcher(PortageHome.locate());
        assertThat(launcher.odooStandinCommand()).noneMatch(argument -> argument.contains(Launcher.ODOO_API_KEY))
                .contains(OdooStandinProcess.class.getName());
        Path dir = Path.of("target/standin-secret").toAbsolutePath();
        // A fresh log: the readiness line of an earlier run must not count.
        java.nio.file.Files.deleteIfExists(dir.resolve("standin.log"));
        int port = Ports.free();
        List<String> command = new java.util.ArrayList<>(launcher.odooStandinCommand());
        command.set(command.indexOf("--port") + 1, Integer.toString(port));
        ManagedProcess standin = ManagedProcess.start("odoo-standin", command,
                Map.of(OdooStandinProcess.API_KEY_VARIABLE, "key-from-the-environment"), dir, dir.resolve("standin.log"),
                dir.resolve("standin.pid"), false);
        try {
            standin.awaitReady("listening", () -> standin.logContains("listening on"), java.time.Duration.ofSeconds(30));
            assertThat(Ports.isOpen(port)).isTrue();
        } finally {
            standin.stop(java.time.Duration.ofSeconds(10));
        }
    }

    @Test
    void aSettingNamedLikeASecretStaysOffTheCommandLineEvenWhenGivenAsAPlainSetting() {
        QuarkusService.Launch launch = new QuarkusService("some-service", Path.of("."), 1)
                .with("quarkus.datasource.password", "pw-1")
                .with("portage.partner.api-key", "key-2")
                .with("quarkus.oidc-client.token-path", "/token")
                .withSecret("portage.odd.name", "value-3")
                .launch();
        assertThat(String.join(" ", launch.command())).doesNotContain("pw-1", "key-2", "value-3")
                .contains("-Dquarkus.oidc-client.token-path=/token");
        assertThat(launch.environment().values()).containsExactlyInAnyOrder("pw-1", "key-2", "value-3");
    }
}

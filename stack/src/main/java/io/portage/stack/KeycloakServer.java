package io.portage.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak in development mode on loopback with an in-memory database, importing the {@code portage} realm (partner
 * clients, scopes, roles) from this module's resources at every start, so each start is clean.
 */
public final class KeycloakServer {

    public static final String REALM = "portage";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final String REALM_RESOURCE = "/keycloak/portage-realm.json";

    private final Path distribution;
    private final Path workDir;
    private final int port;
    private final int managementPort;

    public KeycloakServer(Path distribution, Path workDir, int port, int managementPort) {
        this.distribution = distribution;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.port = port;
        this.managementPort = managementPort;
    }

    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    /** The issuer partners' tokens carry and services verify. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public ManagedProcess start(boolean detached, Duration timeout) {
        installRealm();
        List<String> command = List.of(distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + Ports.LOOPBACK, "--http-port=" + port,
                "--http-management-port=" + managementPort, "--hostname-strict=false",
                "--db=dev-mem", "--health-enabled=true", "--import-realm", "--log-level=warn,org.keycloak.services:info");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m",
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        ManagedProcess keycloak = ManagedProcess.start("keycloak", command, environment, distribution,
                workDir.resolve("keycloak.log"), workDir.resolve("keycloak.pid"), detached);
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        keycloak.awaitReady("serving the " + REALM + " realm", () -> HttpProbe.isOk(discovery), timeout);
        return keycloak;
    }

    private void installRealm() {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is missing from the stack jar");
            }
            Path importDir = distribution.resolve("data/import");
            Files.createDirectories(importDir);
            Files.createDirectories(workDir);
            Files.copy(realm, importDir.resolve("portage-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

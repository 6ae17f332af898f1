package io.portage.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's working folder ({@code .portage/} in the checkout, ignored by git): downloaded servers under
 * {@code cache/}, the launcher's processes, data and logs under {@code run/}.
 */
public record PortageHome(Path root) {

    public static PortageHome locate() {
        String configured = System.getProperty("portage.home", System.getenv("PORTAGE_HOME"));
        if (configured != null && !configured.isBlank()) {
            return new PortageHome(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
                return new PortageHome(dir.resolve(".portage"));
            }
        }
        throw new IllegalStateException("Cannot find the Portage checkout (a folder with mvnw and .mvn) above "
                + Path.of("").toAbsolutePath() + "; set -Dportage.home or PORTAGE_HOME");
    }

    public Path checkout() {
        return root.getParent();
    }

    public Path cache() {
        return root.resolve("cache");
    }

    public Path run() {
        return root.resolve("run");
    }

    public Path kafkaLibs(StackVersions versions) {
        Path libs = cache().resolve("kafka-" + versions.kafka()).resolve("libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka " + versions.kafka() + " is not provisioned in " + libs
                    + "; build the stack module first (./mvnw -pl stack install -DskipTests)");
        }
        return libs;
    }

    public Path keycloakDistribution(StackVersions versions) {
        Path dist = cache().resolve("keycloak-" + versions.keycloak());
        if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak " + versions.keycloak() + " is not provisioned in " + dist
                    + "; build the stack module first (./mvnw -pl stack install -DskipTests)");
        }
        return dist;
    }
}

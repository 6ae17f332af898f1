package io.portage.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.portage.contracts.Topics;

/**
 * Kafka and PostgreSQL (and, where asked, Keycloak) running together: started in order, stopped in reverse order.
 * The tests use {@link #forTests}; the launcher builds one with its own ports and detached processes.
 */
public final class LocalStack implements AutoCloseable {

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final Optional<KeycloakServer> keycloak;
    private final boolean detached;
    private final List<ManagedProcess> processes = new ArrayList<>();

    public LocalStack(KafkaBroker kafka, PostgresServer postgres, Optional<KeycloakServer> keycloak, boolean detached) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.detached = detached;
    }

    /**
     * A stack for one test JVM: free loopback ports, data under {@code workDir} (wiped: tests start clean), processes
     * tied to this JVM and stopped by a shutdown hook.
     */
    public static LocalStack forTests(java.nio.file.Path workDir, boolean withKeycloak) {
        PortageHome home = PortageHome.locate();
        StackVersions versions = StackVersions.load();
        FileTree.deleteRecursively(workDir);
        KafkaBroker kafka = new KafkaBroker(home.kafkaLibs(versions), workDir.resolve("kafka"), Ports.free(), Ports.free(),
                "256m");
        PostgresServer postgres = new PostgresServer(home.cache(), versions, workDir.resolve("postgres"), Ports.free());
        Optional<KeycloakServer> keycloak = withKeycloak
                ? Optional.of(new KeycloakServer(home.keycloakDistribution(versions), workDir.resolve("keycloak"), Ports.free(),
                        Ports.free()))
                : Optional.empty();
        return new LocalStack(kafka, postgres, keycloak, false);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public Optional<KeycloakServer> keycloak() {
        return keycloak;
    }

    public List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    /** Starts every server and creates {@code databases}; on failure stops what already started. */
    public LocalStack start(List<String> databases) {
        try {
            processes.add(postgres.start(Duration.ofSeconds(60)));
            postgres.createDatabases(databases);
            processes.add(kafka.start(detached, Duration.ofSeconds(90)));
            kafka.createTopics(Topics.ALL, Topics.PARTITIONS, Duration.ofSeconds(30));
            keycloak.ifPresent(server -> processes.add(server.start(detached, Duration.ofSeconds(240))));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(Duration.ofSeconds(20));
        }
        processes.clear();
    }
}

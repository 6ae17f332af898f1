package io.portage.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A single-node Kafka broker in KRaft mode (combined broker and controller) on loopback, run in its own JVM from the
 * broker classpath the kafka-broker module copies into the cache. {@link #createTopics} provisions the canonical topics
 * up front, so a consumer that starts before the first event is assigned its partitions at once rather than after a
 * metadata refresh; other topics (tests' own) are auto-created with three partitions.
 */
public final class KafkaBroker {

    public static final String READY_MARKER = "Kafka Server started";

    private final Path libs;
    private final Path workDir;
    private final int port;
    private final int controllerPort;
    private final String heap;

    public KafkaBroker(Path libs, Path workDir, int port, int controllerPort, String heap) {
        this.libs = libs;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path workDir() {
        return workDir;
    }

    /** Formats the log directory on first use, starts the broker and waits until it serves clients. */
    public ManagedProcess start(boolean detached, Duration timeout) {
        Path config = writeConfig();
        Path data = workDir.resolve("data");
        Path logFile = workDir.resolve("kafka.log");
        if (!Files.isRegularFile(data.resolve("meta.properties"))) {
            format(config, logFile);
        }
        ManagedProcess broker = ManagedProcess.start("kafka", javaCommand("kafka.Kafka", config.toString()), Map.of(),
                workDir, logFile, workDir.resolve("kafka.pid"), detached);
        broker.awaitReady("ready", () -> broker.logContains(READY_MARKER) && Ports.isOpen(port), timeout);
        return broker;
    }

    /**
     * Creates the topics that do not exist yet, with {@code partitions} partitions each; existing topics are left as
     * they are, so this is safe on every start.
     */
    public void createTopics(Collection<String> names, int partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            while (true) {
                try {
                    createMissing(admin, names, partitions, timeout);
                    return;
                } catch (ExecutionException e) {
                    // Right after "started" the broker may not have registered with its own controller yet: the
                    // controller then refuses the topics ("only 0 broker(s) are registered"). That passes in a moment.
                    boolean settling = e.getCause() instanceof InvalidReplicationFactorException
                            || e.getCause() instanceof RetriableException;
                    if (!settling || System.nanoTime() > deadline) {
                        throw new IllegalStateException("Could not create Kafka topics " + names + ": " + e.getMessage(), e);
                    }
                    Thread.sleep(200);
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not create Kafka topics " + names + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        }
    }

    private static void createMissing(Admin admin, Collection<String> names, int partitions, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<NewTopic> missing = names.stream()
                .filter(name -> !existing.contains(name))
                .distinct()
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void format(Path config, Path logFile) {
        List<String> command = javaCommand("kafka.tools.StorageTool", "format", "-t",
                clusterId(), "-c", config.toString());
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage failed; see " + logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + workDir.resolve("log4j2.properties"),
                "-cp", libs.resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve("server.properties");
            Files.writeString(config, """
                    # Written by the Portage stack: one combined KRaft node on loopback.
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@127.0.0.1:%2$d
                    listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=PLAINTEXT
                    listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                    log.dirs=%3$s
                    num.partitions=3
                    auto.create.topics.enable=true
                    offsets.topic.replication.factor=1
                    offsets.topic.num.partitions=10
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    transaction.state.log.num.partitions=4
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    log.retention.hours=168
                    """.formatted(port, controllerPort, workDir.resolve("data")));
            Files.writeString(workDir.resolve("log4j2.properties"), """
                    status = warn
                    appender.console.type = Console
                    appender.console.name = STDOUT
                    appender.console.layout.type = PatternLayout
                    appender.console.layout.pattern = [%d] %p %m (%c)%n
                    rootLogger.level = INFO
                    rootLogger.appenderRef.stdout.ref = STDOUT
                    logger.kafka.name = kafka
                    logger.kafka.level = WARN
                    logger.server.name = kafka.server.KafkaRaftServer
                    logger.server.level = INFO
                    logger.apache.name = org.apache.kafka
                    logger.apache.level = WARN
                    """);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, never starting with '-'. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}

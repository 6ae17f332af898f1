package io.portage.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.portage.stack.KafkaBroker;
import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.PostgresServer;
import io.portage.stack.StackVersions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at real Kafka and PostgreSQL. The servers start once per test JVM (the first test
 * that needs them), on free loopback ports, and stop when the JVM exits; each service gets its own database, named by
 * the {@code database} init argument.
 */
public class PortageStackResource implements QuarkusTestResourceLifecycleManager {

    /** JVM-wide keys: Quarkus may load this class in several class loaders, the servers must still start once. */
    static final String KAFKA_KEY = "portage.test.kafka.bootstrap-servers";
    static final String POSTGRES_KEY = "portage.test.postgres.port";
    static final String KAFKA_PID_KEY = "portage.test.kafka.pid";
    static final String KAFKA_DIR_KEY = "portage.test.kafka.dir";
    static final String KAFKA_CONTROLLER_KEY = "portage.test.kafka.controller-port";

    private String database = "portage";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        SharedStack stack = SharedStack.get();
        stack.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", stack.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        return config;
    }

    @Override
    public void stop() {
        // Shared with the module's other test classes; stopped by a shutdown hook when the JVM exits.
    }

    /** The one stack of this JVM. */
    public static final class SharedStack {

        private static final Object LOCK = SharedStack.class.getName().intern();

        private final String bootstrapServers;
        private final int postgresPort;

        private SharedStack(String bootstrapServers, int postgresPort) {
            this.bootstrapServers = bootstrapServers;
            this.postgresPort = postgresPort;
        }

        public static SharedStack get() {
            synchronized (LOCK) {
                String kafka = System.getProperty(KAFKA_KEY);
                if (kafka == null) {
                    Path workDir = Path.of("target", "portage-stack");
                    LocalStack stack;
                    try {
                        stack = LocalStack.forTests(workDir, false).start(List.of());
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(startFailure(workDir, e), e);
                    }
                    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "portage-stack-stop"));
                    System.setProperty(KAFKA_KEY, stack.kafka().bootstrapServers());
                    System.setProperty(POSTGRES_KEY, Integer.toString(stack.postgres().port()));
                    System.setProperty(KAFKA_DIR_KEY, stack.kafka().workDir().toString());
                    System.setProperty(KAFKA_CONTROLLER_KEY, Integer.toString(stack.kafka().controllerPort()));
                    stack.processes()
                            .stream()
                            .filter(p -> p.name().equals("kafka"))
                            .findFirst()
                            .ifPresent(broker -> System.setProperty(KAFKA_PID_KEY, Long.toString(broker.pid())));
                    kafka = stack.kafka().bootstrapServers();
                }
                return new SharedStack(kafka, Integer.parseInt(System.getProperty(POSTGRES_KEY)));
            }
        }

        /**
         * Why the stack did not start, with the end of each server log: build tools show the last lines of a failed
         * test, and the cause is otherwise several frames up.
         */
        private static String startFailure(Path workDir, RuntimeException e) {
            StringBuilder message = new StringBuilder("The test stack (Kafka, PostgreSQL) did not start: ");
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                message.append(cause.getMessage()).append(cause.getCause() != null ? " <- " : "");
            }
            for (String log : List.of("kafka/kafka.log", "postgres/postgres.log")) {
                Path file = workDir.resolve(log);
                try {
                    List<String> lines = java.nio.file.Files.readAllLines(file);
                    message.append(System.lineSeparator()).append("--- last lines of ").append(file.toAbsolutePath());
                    lines.subList(Math.max(0, lines.size() - 15), lines.size())
                            .forEach(line -> message.append(System.lineSeparator()).append(line));
                } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
                    message.append(System.lineSeparator()).append("--- no ").append(file.toAbsolutePath());
                }
            }
            System.err.println(message);
            return message.toString();
        }

        public String bootstrapServers() {
            return bootstrapServers;
        }

        public String reactiveUrl(String database) {
            return "postgresql://127.0.0.1:" + postgresPort + "/" + database;
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
        }

        /** Stops the test broker (as a crash of the Kafka cluster would look to the service); its data is kept. */
        public void stopKafka() {
            synchronized (LOCK) {
                ProcessHandle.of(Long.parseLong(System.getProperty(KAFKA_PID_KEY))).ifPresent(broker -> {
                    broker.destroy();
                    broker.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                });
            }
        }

        /** Starts the test broker again on the same ports and data; a no-op while it runs. */
        public void startKafka() {
            synchronized (LOCK) {
                if (ProcessHandle.of(Long.parseLong(System.getProperty(KAFKA_PID_KEY)))
                        .map(ProcessHandle::isAlive)
                        .orElse(false)) {
                    return;
                }
                int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
                KafkaBroker broker = new KafkaBroker(PortageHome.locate().kafkaLibs(StackVersions.load()),
                        Path.of(System.getProperty(KAFKA_DIR_KEY)), port,
                        Integer.parseInt(System.getProperty(KAFKA_CONTROLLER_KEY)),
                        "256m");
                ManagedProcess process = broker.start(false, java.time.Duration.ofSeconds(90));
                System.setProperty(KAFKA_PID_KEY, Long.toString(process.pid()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> process.stop(java.time.Duration.ofSeconds(20))));
            }
        }

        /** Creates {@code database} if it does not exist (tests that migrate a schema step by step use their own). */
        public void createDatabase(String database) {
            PostgresServer.createDatabases(postgresPort, List.of(database));
        }
    }
}

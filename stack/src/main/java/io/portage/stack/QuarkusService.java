package io.portage.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One Portage service run as its own JVM from its packaged {@code quarkus-app}, configured with system properties,
 * and considered started when {@code /q/health/ready} answers 200. A secret (a setting given with
 * {@link #withSecret}, or one whose name ends in secret, password, api-key or token) never goes on the command line,
 * where {@code ps} shows it to every user: the command line carries {@code -Dkey=${PORTAGE_SECRET_n}} and the value
 * travels in the process's environment, which only its owner can read.
 */
public final class QuarkusService {

    private final String name;
    private final Path checkout;
    private final int port;
    private final Map<String, String> config = new TreeMap<>();
    private final Map<String, String> secrets = new TreeMap<>();
    private List<String> jvmOptions = STARTUP_TUNED;

    /**
     * JVM options for the launcher and the tests: a small heap and the C1 compiler only, so eight processes start fast
     * on two cores. Not for measuring throughput: C1-only code is several times slower under sustained load.
     */
    public static final List<String> STARTUP_TUNED = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /**
     * JVM options for benchmarks: full tiered compilation (C2), as a deployed service's JVM runs, with the same 256 MB
     * heap ceiling as {@link #STARTUP_TUNED}.
     */
    public static final List<String> AS_DEPLOYED = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto");

    public QuarkusService(String name, Path checkout, int port) {
        this.name = name;
        this.checkout = checkout;
        this.port = port;
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.http.host", Ports.LOOPBACK);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    /** A setting; one whose name says it is a secret is kept off the command line (see {@link #withSecret}). */
    public QuarkusService with(String key, String value) {
        if (SECRET_NAME.matcher(key).matches()) {
            return withSecret(key, value);
        }
        config.put(key, value);
        secrets.remove(key);
        return this;
    }

    /** A setting whose value goes through the environment, never on the command line. */
    public QuarkusService withSecret(String key, String value) {
        secrets.put(key, value);
        config.remove(key);
        return this;
    }

    /** Setting names that hold secrets: their values never go on a command line. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|api-key|apikey|token)");

    /** What {@link #start} runs: the command line and the environment added to the launcher's. */
    record Launch(List<String> command, Map<String, String> environment) {
    }

    Launch launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        Map<String, String> environment = new TreeMap<>();
        int n = 0;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            String variable = "PORTAGE_SECRET_" + n++;
            // MicroProfile Config expands the expression from the environment when the service reads the setting.
            command.add("-D" + secret.getKey() + "=${" + variable + "}");
            environment.put(variable, secret.getValue());
        }
        command.addAll(List.of("-jar", runner().toString()));
        return new Launch(List.copyOf(command), Map.copyOf(environment));
    }

    /** Points the service at the stack's Kafka and at its own database. */
    public QuarkusService withStack(LocalStack stack, String database) {
        with("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
        if (database != null) {
            with("quarkus.datasource.reactive.url", stack.postgres().reactiveUrl(database));
            with("quarkus.datasource.jdbc.url", stack.postgres().jdbcUrl(database));
            with("quarkus.datasource.username", PostgresServer.USER);
        }
        return this;
    }

    /** Replaces the JVM options ({@link #STARTUP_TUNED} unless set). */
    public QuarkusService withJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    public Path runner() {
        return checkout.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public ManagedProcess start(Path runDir, boolean detached, Duration timeout) {
        if (!Files.isRegularFile(runner())) {
            throw new IllegalStateException(
                    name + " is not built (" + runner() + " is missing); run ./mvnw install -DskipTests");
        }
        Launch launch = launch();
        ManagedProcess process = ManagedProcess.start(name, launch.command(), launch.environment(), checkout.resolve(name),
                runDir.resolve(name + ".log"), runDir.resolve(name + ".pid"), detached);
        URI ready = URI.create(baseUrl() + "/q/health/ready");
        process.awaitReady("ready", () -> HttpProbe.isOk(ready), timeout);
        return process;
    }
}

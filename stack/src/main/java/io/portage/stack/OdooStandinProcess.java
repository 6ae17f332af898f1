package io.portage.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.portage.odoo.standin.OdooStandin;

/**
 * The launcher's Odoo stand-in process: {@code --port --version --database --login}, and the bot's API key from
 * {@value #API_KEY_VARIABLE} in the environment rather than on the command line, where {@code ps} would show it.
 */
public final class OdooStandinProcess {

    static final String API_KEY_VARIABLE = "PORTAGE_ODOO_STANDIN_API_KEY";

    private OdooStandinProcess() {
    }

    /** The command line of a stand-in (Odoo 18.0) on {@code port}: no secret on it. */
    public static List<String> command(int port, String database, String login) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                OdooStandinProcess.class.getName(), "--port", Integer.toString(port), "--version", "18.0", "--database",
                database, "--login", login);
    }

    /**
     * Starts a stand-in as its own process from this JVM's classpath, its log and PID file in {@code dir}, the bot's
     * API key through the environment; returns once it listens. {@code detached}: it outlives this JVM (the launcher's).
     */
    public static ManagedProcess launch(Path dir, Path workDir, int port, String database, String login, String apiKey,
            boolean detached) {
        ManagedProcess process = ManagedProcess.start("odoo-standin", command(port, database, login),
                Map.of(API_KEY_VARIABLE, apiKey), workDir, dir.resolve("odoo-standin.log"),
                dir.resolve("odoo-standin.pid"), detached);
        process.awaitReady("listening", () -> process.logContains("listening on"), Duration.ofSeconds(30));
        return process;
    }

    public static void main(String[] args) throws InterruptedException {
        OdooStandin.Builder builder = OdooStandin.builder();
        String login = "bot";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(args[i + 1]));
                case "--version" -> builder.version(args[i + 1]);
                case "--database" -> builder.database(args[i + 1]);
                case "--login" -> login = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String apiKey = System.getenv(API_KEY_VARIABLE);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException(API_KEY_VARIABLE + " is not set");
        }
        OdooStandin standin = builder.user(login, "bot-password").apiKey(apiKey).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(standin::close));
        System.out.println("Odoo stand-in listening on " + standin.baseUrl());
        new CountDownLatch(1).await();
    }
}

package io.portage.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The edge agent's keys in a local stack: a scanner's (device) and an operator's, made with the agent's own
 * {@code keys create} command into the keys file the agent reads, and kept for the demo in an owner-only file beside
 * it (the agent itself keeps only their hashes).
 */
public record EdgeKeys(Path keysFile, String device, String operator) {

    /** The device key's name: the demo's scanners at warehouse WH1. */
    public static final String DEVICE = "wh1-scanners";
    public static final String OPERATOR = "wh1-operator";

    /** The keys file of the agent whose files live in {@code dir}. */
    public static Path file(Path dir) {
        return dir.resolve("edge-agent.keys");
    }

    /** The keys of the agent whose files live in {@code dir}: those made before, or new ones. */
    public static EdgeKeys in(Path checkout, Path dir) {
        Path keysFile = file(dir);
        Path kept = dir.resolve("demo-keys.properties");
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(kept) && Files.isRegularFile(keysFile)) {
                Properties keys = new Properties();
                try (var in = Files.newBufferedReader(kept)) {
                    keys.load(in);
                }
                return new EdgeKeys(keysFile, keys.getProperty("device"), keys.getProperty("operator"));
            }
            Files.deleteIfExists(keysFile);
            EdgeKeys keys = new EdgeKeys(keysFile, create(checkout, keysFile, DEVICE, false),
                    create(checkout, keysFile, OPERATOR, true));
            Files.deleteIfExists(kept);
            Files.createFile(kept, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(kept, "# The edge agent's demo keys (dev only; the agent keeps their hashes in "
                    + keysFile.getFileName() + ")\ndevice=" + keys.device() + "\noperator=" + keys.operator() + "\n");
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code java -jar <edge-agent> keys create <name> [--operator] --file <keysFile>} and answers the key. */
    public static String create(Path checkout, Path keysFile, String name, boolean operator) {
        Path jar = checkout.resolve("edge-agent/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("edge-agent is not built (" + jar + " is missing); run ./mvnw install -DskipTests");
        }
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(), "keys", "create", name, "--file", keysFile.toAbsolutePath().toString()));
        if (operator) {
            command.add("--operator");
        }
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String key = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !key.startsWith("pek_")) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` made no key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

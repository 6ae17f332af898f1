package io.portage.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server (the linux-amd64 binaries published by zonky on Maven Central) on loopback, with one
 * database per service. Runs as an unprivileged user namespace when started by root, since initdb refuses root.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    private static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";

    private final Path binaries;
    private final Path workDir;
    private final int port;

    public PostgresServer(Path cache, StackVersions versions, Path workDir, int port) {
        this.binaries = cache.resolve("postgres-" + versions.postgres());
        this.workDir = workDir.toAbsolutePath().normalize();
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    /** Unpacks the binaries if needed, initialises the cluster on first use, starts it and waits for connections. */
    public ManagedProcess start(Duration timeout) {
        unpackBinaries();
        Path data = workDir.resolve("data");
        Path logFile = workDir.resolve("postgres.log");
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            run(List.of(bin("initdb"), "-A", "trust", "-U", USER, "-E", "UTF8", "--locale=C", "--no-sync", "-D",
                    data.toString()),
                    logFile, Duration.ofMinutes(2));
        }
        Path sockets = workDir.resolve("sockets");
        createDirectories(sockets);
        String options = "-p " + port + " -h " + Ports.LOOPBACK + " -k " + sockets
                + " -c fsync=on -c max_connections=200 -c shared_buffers=64MB";
        run(List.of(bin("pg_ctl"), "-D", data.toString(), "-o", options, "-l", logFile.toString(), "-w", "-t",
                Long.toString(timeout.toSeconds()), "start"), logFile, timeout.plusSeconds(5));
        long pid = ManagedProcess.readPid(data.resolve("postmaster.pid"))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL wrote no postmaster.pid; see " + logFile));
        ManagedProcess server = ManagedProcess.adopt("postgres", pid, logFile, workDir.resolve("postgres.pid"), "INT");
        server.awaitReady("accepting connections", () -> Ports.isOpen(port), timeout);
        return server;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(List<String> databases) {
        createDatabases(port, databases);
    }

    /** Creates each database that does not exist yet on the server listening on loopback {@code port}. */
    public static void createDatabases(int port, List<String> databases) {
        String url = "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, "");
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                if (!database.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Not a plain database name: " + database);
                }
                var result = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
                boolean exists = result.next();
                result.close();
                if (!exists) {
                    statement.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create databases " + databases + ": " + e.getMessage(), e);
        }
    }

    private String bin(String tool) {
        return binaries.resolve("bin").resolve(tool).toString();
    }

    private void run(List<String> tool, Path logFile, Duration timeout) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // initdb and postgres refuse to run as root; a user namespace makes the caller an ordinary user.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(tool);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(Map.of("LC_ALL", "C", "TZ", "UTC"));
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed; see " + logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void unpackBinaries() {
        if (Files.isExecutable(binaries.resolve("bin/postgres"))) {
            return;
        }
        Path staging = binaries.resolveSibling(binaries.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
        try (InputStream archive = PostgresServer.class.getResourceAsStream(BINARIES_RESOURCE)) {
            if (archive == null) {
                throw new IllegalStateException("PostgreSQL binaries " + BINARIES_RESOURCE + " are not on the classpath");
            }
            createDirectories(staging);
            Path txz = staging.resolve("postgres.txz");
            Files.copy(archive, txz, StandardCopyOption.REPLACE_EXISTING);
            Process tar = new ProcessBuilder("tar", "-xJf", txz.toString(), "-C", staging.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("Unpacking PostgreSQL binaries failed (tar and xz are needed): " + output);
            }
            Files.delete(txz);
            try {
                Files.move(staging, binaries, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isExecutable(binaries.resolve("bin/postgres"))) {
                    throw raced;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

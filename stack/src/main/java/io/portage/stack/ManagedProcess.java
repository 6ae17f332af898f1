package io.portage.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A server process the stack started: its PID (kept in a pid file so another launcher run can find and stop it),
 * its log file, readiness waiting and a graceful stop (TERM, then KILL after a grace period, children included).
 */
public final class ManagedProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final ProcessHandle handle;
    private final Path logFile;
    private final Path pidFile;
    private final String stopSignal;

    private ManagedProcess(String name, ProcessHandle handle, Path logFile, Path pidFile, String stopSignal) {
        this.name = name;
        this.handle = handle;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.stopSignal = stopSignal;
    }

    /**
     * Starts {@code command} with its output appended to {@code logFile}. A detached process gets its own session
     * (setsid), so it outlives the launcher and a Ctrl-C in the launcher's terminal.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile, Path pidFile, boolean detached) {
        List<String> fullCommand = new ArrayList<>();
        if (detached && Files.isExecutable(SETSID)) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ManagedProcess(name, process.toHandle(), logFile, pidFile, "TERM");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + fullCommand, e);
        }
    }

    /**
     * Takes charge of a process started by other means (a daemon that wrote its own PID); {@code stopSignal} is the
     * signal that asks it to shut down cleanly (PostgreSQL: INT, a fast shutdown).
     */
    public static ManagedProcess adopt(String name, long pid, Path logFile, Path pidFile, String stopSignal) {
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running; see " + logFile));
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + "\n" + stopSignal + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ManagedProcess(name, handle, logFile, pidFile, stopSignal);
    }

    /** The live process recorded in {@code pidFile}, if any. */
    public static Optional<ManagedProcess> fromPidFile(String name, Path pidFile, Path logFile) {
        String signal = "TERM";
        try {
            List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.size() > 1 && lines.get(1).matches("[A-Z]+")) {
                signal = lines.get(1);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String stopSignal = signal;
        return readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .map(handle -> new ManagedProcess(name, handle, logFile, pidFile, stopSignal));
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return firstLine.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The last {@code lines} lines of a log file (none if it does not exist). */
    static List<String> tail(Path log, int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /**
     * Memory of the process and its children in KiB: the proportional set size (shared pages divided among the
     * processes sharing them, so PostgreSQL's shared buffers count once), or the RSS where the kernel gives no PSS.
     */
    public long residentKib() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(handle);
        handle.descendants().forEach(all::add);
        return all.stream().mapToLong(ManagedProcess::residentKib).sum();
    }

    /**
     * CPU time the process and its children have used so far, in milliseconds (user and system, from
     * {@code /proc/<pid>/stat} at the kernel's usual 100 ticks per second; children that ended count through the
     * parent's waited-for time): two readings around a run give what the run cost, whatever else the machine ran.
     */
    public long cpuMillis() {
        long ticks = cpuTicks(handle.pid(), true);
        for (ProcessHandle child : handle.descendants().toList()) {
            ticks += cpuTicks(child.pid(), false);
        }
        return ticks * 10;
    }

    private static long cpuTicks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withEndedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long residentKib(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        long pss = field(proc.resolve("smaps_rollup"), "Pss:");
        return pss > 0 ? pss : field(proc.resolve("status"), "VmRSS:");
    }

    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Waits until {@code ready} holds; fails early, with the log's tail, if the process dies or time runs out. */
    public void awaitReady(String what, BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!handle.isAlive()) {
                throw new IllegalStateException(name + " exited before " + what + ". Last lines of " + logFile + ":\n"
                        + tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not " + what + " within " + timeout.toSeconds() + " s. Last lines of "
                        + logFile + ":\n" + tail(40));
            }
            sleep(Duration.ofMillis(100));
        }
    }

    public boolean logContains(String marker) {
        try {
            return Files.isRegularFile(logFile) && Files.readString(logFile, StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Asks the process to shut down, waits up to {@code grace}, then KILLs what is left of it and its children. With
     * TERM the children are asked too (a wrapper script's JVM); a daemon with its own stop signal stops its children.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> family = new ArrayList<>();
        family.add(handle);
        handle.descendants().forEach(family::add);
        if ("TERM".equals(stopSignal)) {
            family.forEach(ProcessHandle::destroy);
        } else {
            signal(stopSignal);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (family.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is harmless: fromPidFile checks the process is alive
        }
    }

    /**
     * Kills the process and its children at once with SIGKILL, as {@code kill -9} does: no shutdown hook runs, nothing is
     * flushed or committed. Waits until they are gone; fails if they are not within {@code timeout}.
     */
    public void kill(Duration timeout) {
        List<ProcessHandle> family = new ArrayList<>();
        family.add(handle);
        handle.descendants().forEach(family::add);
        family.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (family.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " still alive " + timeout.toSeconds() + " s after SIGKILL");
            }
            sleep(Duration.ofMillis(10));
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is harmless: fromPidFile checks the process is alive
        }
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(handle.pid())).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            handle.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package io.portage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The time a benchmarked JVM has spent compiling with its JIT so far, read from its performance counters with
 * {@code jcmd <pid> PerfCounter.print} ({@code java.ci.totalTime} in ticks of {@code sun.os.hrt.frequency}). A service
 * still compiling spends a core on it: a benchmark warms it up until a round compiles little, and prints what the
 * measured round compiled, so a throughput number is a warm one and says so.
 */
final class JitClock {

    private final long pid;

    JitClock(long pid) {
        this.pid = pid;
    }

    /** Milliseconds the JVM spent compiling so far, or -1 when its counters cannot be read (no jcmd, no perf data). */
    long compiledMillis() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "PerfCounter.print")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return -1;
            }
            long ticks = counter(out, "java.ci.totalTime");
            long frequency = counter(out, "sun.os.hrt.frequency");
            return ticks < 0 || frequency <= 0 ? -1 : ticks * 1000 / frequency;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long counter(String out, String name) {
        for (String line : out.split("\n")) {
            if (line.startsWith(name + "=")) {
                try {
                    return Long.parseLong(line.substring(name.length() + 1).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}

package io.portage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time the server processes spent (user + system, from {@code /proc/<pid>/stat}, children included), so a
 * benchmark on a shared machine can print what a request costs beside what it took: milliseconds of CPU, not queueing.
 */
final class ProcessCpu {

    /** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms. */
    private static final double MILLIS_PER_TICK = 10;

    private ProcessCpu() {
    }

    /** CPU milliseconds used so far by these processes and their descendants (nginx's workers). */
    static double millis(List<Long> pids) {
        return pids.stream()
                .flatMap(pid -> ProcessHandle.of(pid).stream())
                .flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants()))
                .mapToLong(handle -> ticks(handle.pid()))
                .sum() * MILLIS_PER_TICK;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

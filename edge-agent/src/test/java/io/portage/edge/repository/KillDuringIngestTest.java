package io.portage.edge.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a large ingest: a separate JVM writes 100,000 events through the store and is
 * killed (SIGKILL) after about 60,000 acknowledgements; every acknowledged event must be in the store afterwards.
 */
class KillDuringIngestTest {

    static final long TOTAL = 100_000;
    static final long KILL_AFTER = 60_000;

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedEventIsLost() throws Exception {
        Path file = dir.resolve("killed.db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                IngestChild.class.getName(), file.toString(), String.valueOf(TOTAL))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long acknowledged = -1;
        boolean done = false;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Long.parseLong(line.substring(4));
                    if (acknowledged >= KILL_AFTER) {
                        child.destroyForcibly();
                        break;
                    }
                } else if (line.equals("DONE")) {
                    done = true;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(done).as("killed before the end").isFalse();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acknowledged).isGreaterThanOrEqualTo(KILL_AFTER);

        try (EventStore store = EventStore.open(file)) {
            assertThat(store.pragma("integrity_check")).isEqualTo("ok");
            Set<UUID> stored = store.ids();
            long missing = 0;
            for (long n = 0; n <= acknowledged; n++) {
                if (!stored.contains(IngestChild.id(n))) {
                    missing++;
                }
            }
            assertThat(missing).as("acknowledged events missing after kill -9 (acknowledged: %d, stored: %d)",
                    acknowledged + 1, stored.size()).isZero();
            assertThat(store.backlog().pending()).isEqualTo(stored.size());
            System.out.printf("kill -9 after %d acknowledged events: %d stored, none lost%n", acknowledged + 1,
                    stored.size());
        }
    }
}

package io.portage.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ManagedProcess#kill}: SIGKILL to a process and its children, which no TERM handler can delay. */
class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void killEndsAProcessThatIgnoresTermAndItsChildAtOnce() {
        // The shell ignores TERM and waits for its child, as a service busy in a shutdown hook would.
        ManagedProcess process = ManagedProcess.start("stubborn",
                List.of("/bin/sh", "-c", "trap '' TERM; sleep 60 & echo started; wait"), Map.of(), dir,
                dir.resolve("stubborn.log"), dir.resolve("stubborn.pid"), false);
        process.awaitReady("started", () -> process.logContains("started"), Duration.ofSeconds(10));
        ProcessHandle child = ProcessHandle.of(process.pid()).orElseThrow().children().findFirst().orElseThrow();

        long start = System.nanoTime();
        process.kill(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(process.isAlive()).isFalse();
        assertThat(child.isAlive()).isFalse();
        assertThat(Files.exists(dir.resolve("stubborn.pid"))).isFalse();
    }
}

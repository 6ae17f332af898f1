package io.portage.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.portage.stack.QuarkusService;

/** The JVM options a benchmarked service runs with: the deployment's, plus a flight recording when one is asked for. */
final class BenchJvmOptions {

    private BenchJvmOptions() {
    }

    /**
     * The deployment's JVM options; with {@code PORTAGE_BENCH_JFR=<file>} in the environment, a flight recording of the
     * service (profile settings, every method sampled) is written there when it stops.
     */
    static List<String> asDeployed() {
        String recording = System.getenv("PORTAGE_BENCH_JFR");
        if (recording == null || recording.isBlank()) {
            return QuarkusService.AS_DEPLOYED;
        }
        List<String> options = new ArrayList<>(QuarkusService.AS_DEPLOYED);
        options.add("-XX:StartFlightRecording=filename=" + Path.of(recording).toAbsolutePath()
                + ",settings=profile,method-profiling=max");
        return options;
    }
}

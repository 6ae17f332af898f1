package io.portage.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portage.stack.QuarkusService;

/**
 * What a benchmarked service runs with: the deployment's JVM options, plus a flight recording when one is asked for, and
 * configuration to try against the deployment's.
 */
final class BenchSettings {

    private BenchSettings() {
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

    /**
     * Configuration to try against the deployment's, from {@code PORTAGE_BENCH_CONFIG="key=value;key=value"} in the
     * environment (printed, so a result names what it ran with).
     */
    static Map<String, String> configOverrides() {
        String given = System.getenv("PORTAGE_BENCH_CONFIG");
        Map<String, String> overrides = new LinkedHashMap<>();
        if (given != null) {
            for (String pair : given.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    overrides.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        if (!overrides.isEmpty()) {
            System.out.println("Configuration overridden: " + overrides);
        }
        return overrides;
    }
}

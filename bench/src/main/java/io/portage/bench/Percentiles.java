package io.portage.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of measured latencies, as every benchmark here prints them. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percentile}th percentile (nearest rank) of {@code values}. */
    static double of(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}

package io.portage.gateway.reliability;

import java.util.Arrays;

/**
 * Latencies counted in fixed logarithmic buckets, eight per doubling from 50 µs to about 62 s, from which percentiles
 * are read: a percentile is the geometric middle of the bucket holding its rank, so it is within 4.4 % of a latency
 * really seen (2^(1/16) - 1), below 50 µs within 25 µs, and above 62 s only "at least 62 s". Counts add element-wise,
 * so histograms of several gateways, buckets or flushes merge exactly (PostgreSQL's {@code add_counts}). Not
 * thread-safe: callers hold a lock.
 */
public final class LatencyHistogram {

    /** Bucket 0 holds latencies under this; bucket i >= 1 holds [LOWEST * 2^((i-1)/8), LOWEST * 2^(i/8)). */
    static final double LOWEST_MICROS = 50;
    static final int PER_DOUBLING = 8;
    /** The last bucket holds everything from LOWEST * 2^(162/8) (about 62 s) on. */
    static final int BUCKETS = 164;

    private final int[] counts;

    public LatencyHistogram() {
        this.counts = new int[BUCKETS];
    }

    /** A histogram holding {@code counts} (as stored: the buckets up to the last non-zero one). */
    public static LatencyHistogram of(int[] counts) {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.add(counts);
        return histogram;
    }

    /** The bucket of a latency. */
    static int index(long nanos) {
        double micros = nanos / 1_000.0;
        if (micros < LOWEST_MICROS) {
            return 0;
        }
        int index = 1 + (int) Math.floor(PER_DOUBLING * (Math.log(micros / LOWEST_MICROS) / Math.log(2)));
        return Math.min(index, BUCKETS - 1);
    }

    /** The latency a bucket stands for, in milliseconds (to the microsecond): its geometric middle (half of 50 µs for the first). */
    static double millis(int index) {
        if (index == 0) {
            return LOWEST_MICROS / 2 / 1_000;
        }
        double exponent = index == BUCKETS - 1 ? index - 1 : index - 0.5;
        return Math.round(LOWEST_MICROS * Math.pow(2, exponent / PER_DOUBLING)) / 1_000.0;
    }

    public void record(long nanos) {
        counts[index(nanos)]++;
    }

    /** Adds another histogram's counts, bucket by bucket. */
    public void add(int[] other) {
        for (int i = 0; i < Math.min(other.length, BUCKETS); i++) {
            counts[i] += other[i];
        }
    }

    /** Adds {@code count} latencies to bucket {@code index} (a bucket summed by the database). */
    public void add(int index, long count) {
        if (index >= 0 && index < BUCKETS) {
            counts[index] += (int) count;
        }
    }

    public long total() {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    /**
     * The latency below or at which a fraction {@code quantile} of the requests were answered (nearest rank), in
     * milliseconds; null without any.
     */
    public Double percentile(double quantile) {
        long total = total();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return millis(i);
            }
        }
        return millis(BUCKETS - 1);
    }

    /** The counts up to the last non-zero bucket, as stored. */
    public int[] counts() {
        int last = BUCKETS - 1;
        while (last >= 0 && counts[last] == 0) {
            last--;
        }
        return Arrays.copyOf(counts, last + 1);
    }
}

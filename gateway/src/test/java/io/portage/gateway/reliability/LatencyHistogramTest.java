package io.portage.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    private static long ms(double millis) {
        return (long) (millis * 1_000_000);
    }

    @Test
    void percentilesOfKnownLatenciesAreWithinTheBucketsError() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 1000; millis++) {
            histogram.record(ms(millis));
        }
        assertThat(histogram.total()).isEqualTo(1000);
        assertThat(histogram.percentile(0.50)).isCloseTo(500.0, Percentage.withPercentage(4.5));
        assertThat(histogram.percentile(0.95)).isCloseTo(950.0, Percentage.withPercentage(4.5));
        assertThat(histogram.percentile(0.99)).isCloseTo(990.0, Percentage.withPercentage(4.5));
        assertThat(histogram.percentile(1.0)).isCloseTo(1000.0, Percentage.withPercentage(4.5));
    }

    @Test
    void aSkewedDistributionShowsItsTail() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 980; i++) {
            histogram.record(ms(2));
        }
        for (int i = 0; i < 20; i++) {
            histogram.record(ms(800));
        }
        assertThat(histogram.percentile(0.50)).isCloseTo(2.0, Percentage.withPercentage(4.5));
        assertThat(histogram.percentile(0.95)).isCloseTo(2.0, Percentage.withPercentage(4.5));
        assertThat(histogram.percentile(0.99)).isCloseTo(800.0, Percentage.withPercentage(4.5));
    }

    @Test
    void everyLatencyIsReadBackWithinFourAndAHalfPercent() {
        for (long micros = 50; micros < 60_000_000; micros = micros * 21 / 20 + 1) {
            LatencyHistogram one = new LatencyHistogram();
            one.record(TimeUnit.MICROSECONDS.toNanos(micros));
            assertThat(one.percentile(0.5)).as("%d µs", micros).isCloseTo(micros / 1000.0, Percentage.withPercentage(4.5));
        }
    }

    @Test
    void theEdgesAreTheFirstAndLastBuckets() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(ms(0.01));
        assertThat(histogram.percentile(0.5)).isCloseTo(0.025, within(0.0251));
        histogram = new LatencyHistogram();
        histogram.record(TimeUnit.MINUTES.toNanos(5));
        assertThat(histogram.percentile(0.5)).isGreaterThan(60_000.0).isLessThan(63_000.0);
        assertThat(new LatencyHistogram().percentile(0.5)).isNull();
    }

    @Test
    void countsAddBucketByBucketLikeTheDatabaseDoes() {
        LatencyHistogram first = new LatencyHistogram();
        LatencyHistogram second = new LatencyHistogram();
        for (int millis = 1; millis <= 500; millis++) {
            first.record(ms(millis));
            second.record(ms(millis + 500));
        }
        LatencyHistogram merged = LatencyHistogram.of(first.counts());
        merged.add(second.counts());
        assertThat(merged.total()).isEqualTo(1000);
        assertThat(merged.percentile(0.95)).isCloseTo(950.0, Percentage.withPercentage(4.5));
        // Stored arrays end at their last non-zero bucket.
        assertThat(first.counts()).hasSizeLessThan(second.counts().length);
        assertThat(first.counts()[first.counts().length - 1]).isPositive();
    }
}

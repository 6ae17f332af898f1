package io.portage.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portage.gateway.config.GatewayConfig;

class PartnerTrafficTest {

    private static GatewayConfig config(Duration bucket, int maxPending) {
        GatewayConfig.Reliability reliability = (GatewayConfig.Reliability) java.lang.reflect.Proxy.newProxyInstance(
                PartnerTrafficTest.class.getClassLoader(), new Class<?>[]{GatewayConfig.Reliability.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "bucket" -> bucket;
                    case "maxPending" -> maxPending;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) java.lang.reflect.Proxy.newProxyInstance(PartnerTrafficTest.class.getClassLoader(),
                new Class<?>[]{GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("reliability")) {
                        return reliability;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static long total(List<PartnerTraffic.Counted> counted) {
        return counted.stream().mapToLong(PartnerTraffic.Counted::requests).sum();
    }

    @Test
    void requestsCountPerPartnerRouteBucketAndClass() {
        PartnerTraffic traffic = new PartnerTraffic(config(Duration.ofMinutes(5), 100), new SimpleMeterRegistry());
        long at = 1_800_000_000_000L; // 2027-01-15T08:00:00Z, a bucket's start
        traffic.record("acme", "GET /api/v1/me", "2xx", 1_000_000, at);
        traffic.record("acme", "GET /api/v1/me", "2xx", 3_000_000, at + 299_999);
        traffic.record("acme", "GET /api/v1/me", "2xx", 1_000_000, at + 300_000);
        traffic.record("acme", "GET /api/v1/me", "limited", 100_000, at);
        List<PartnerTraffic.Counted> counted = traffic.drain();
        assertThat(counted).hasSize(3);
        PartnerTraffic.Counted first = counted.stream()
                .filter(c -> c.key().bucketStart() == at / 1000 && c.key().statusClass().equals("2xx"))
                .findFirst()
                .orElseThrow();
        assertThat(first.requests()).isEqualTo(2);
        assertThat(LatencyHistogram.of(first.latencyCounts()).total()).isEqualTo(2);
        assertThat(traffic.drain()).isEmpty();
    }

    @Test
    void aFailedFlushIsPutBackAndAddsToWhatCameMeanwhile() {
        PartnerTraffic traffic = new PartnerTraffic(config(Duration.ofMinutes(1), 100), new SimpleMeterRegistry());
        traffic.record("acme", "POST /api/v1/orders", "5xx", 5_000_000, 60_000);
        List<PartnerTraffic.Counted> failed = traffic.drain();
        traffic.record("acme", "POST /api/v1/orders", "5xx", 7_000_000, 60_000);
        traffic.restore(failed);
        List<PartnerTraffic.Counted> next = traffic.drain();
        assertThat(next).hasSize(1);
        assertThat(next.get(0).requests()).isEqualTo(2);
        assertThat(LatencyHistogram.of(next.get(0).latencyCounts()).total()).isEqualTo(2);
    }

    @Test
    void beyondMaxPendingCountersRequestsAreDroppedAndCounted() {
        PartnerTraffic traffic = new PartnerTraffic(config(Duration.ofMinutes(1), 2), new SimpleMeterRegistry());
        for (String route : List.of("GET /a", "GET /b", "GET /c", "GET /c")) {
            traffic.record("acme", route, "2xx", 1_000_000, 60_000);
        }
        traffic.record("acme", "GET /a", "2xx", 1_000_000, 60_000);
        assertThat(total(traffic.drain())).isEqualTo(3);
        assertThat(traffic.dropped()).isEqualTo(2);
    }

    @Test
    void noRequestIsLostWhileFlushesRunAlongside() throws Exception {
        PartnerTraffic traffic = new PartnerTraffic(config(Duration.ofMinutes(1), 100_000), new SimpleMeterRegistry());
        int threads = 4;
        int each = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        AtomicBoolean recording = new AtomicBoolean(true);
        for (int t = 0; t < threads; t++) {
            String partner = "p" + (t % 2);
            pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    traffic.record(partner, "GET /api/v1/me", i % 10 == 0 ? "4xx" : "2xx", i * 1_000L, 60_000);
                }
                done.countDown();
            });
        }
        List<PartnerTraffic.Counted> flushed = new ArrayList<>();
        while (recording.get()) {
            flushed.addAll(traffic.drain());
            if (done.await(1, TimeUnit.MILLISECONDS)) {
                recording.set(false);
            }
        }
        flushed.addAll(traffic.drain());
        pool.shutdown();
        assertThat(total(flushed)).isEqualTo((long) threads * each);
        long histogrammed = flushed.stream()
                .mapToLong(counted -> LatencyHistogram.of(counted.latencyCounts()).total())
                .sum();
        assertThat(histogrammed).isEqualTo((long) threads * each);
        assertThat(flushed.stream()
                .filter(c -> c.key().statusClass().equals("4xx"))
                .mapToLong(PartnerTraffic.Counted::requests)
                .sum()).isEqualTo((long) threads * each / 10);
    }
}

package io.portage.gateway.reliability;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.portage.gateway.config.GatewayConfig;

/**
 * Partner reliability over a period for operators ({@code GET /api/v1/ops/partner-reliability}): per partner and route
 * the requests, 4xx and 5xx apart, the rate limiter's 429s and latency percentiles; per webhook subscription the
 * attempts delivered, retried and given up; and a time series of the same for a chart.
 */
@ApplicationScoped
public class ReliabilityReport {

    /** Series steps tried in order; the first giving at most {@link #MAX_POINTS} points that the bucket divides wins. */
    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));
    static final int MAX_POINTS = 120;

    @Schema(name = "PartnerReliability", description = "Partner reliability over a period: buckets starting in [from, to)")
    public record Report(Instant from, Instant to, String partner, String route,
            @Schema(description = "Seconds between two points of the series") long stepSeconds, List<RouteFigures> routes,
            List<WebhookFigures> webhooks, List<Point> series) {
    }

    @Schema(name = "PartnerRouteReliability", description = """
            One partner's requests on one route template. clientErrors counts every 4xx, rateLimited among them the
            gateway's own 429s; closed counts requests whose caller left before the answer. Percentiles (ms) are of the
            answered requests but the 429s, within 4.4 %.""")
    public record RouteFigures(String partner, String route, long requests, long clientErrors, long serverErrors,
            long rateLimited, long closed, double clientErrorRate, double serverErrorRate, Double p50Ms, Double p95Ms,
            Double p99Ms) {
    }

    @Schema(name = "WebhookReliability", description = """
            One subscription's delivery attempts: delivered (2xx), retried (failed, tried again later), failed (failed
            and given up). url is absent once the subscription is deleted.""")
    public record WebhookFigures(String partner, UUID subscriptionId, String url, long delivered, long retried,
            long failed) {
    }

    @Schema(name = "ReliabilityPoint", description = "The selected requests in one step of the series starting at start")
    public record Point(Instant start, long requests, long clientErrors, long serverErrors, long rateLimited,
            Double p50Ms, Double p95Ms, Double p99Ms) {
    }

    /** The figures are not readable now (the gateway's database). */
    public static class UnavailableException extends RuntimeException {

        UnavailableException(Throwable cause) {
            super("The reliability figures cannot be read now: " + cause.getMessage(), cause);
        }
    }

    private final ReliabilityStore store;
    private final long bucketSeconds;

    public ReliabilityReport(ReliabilityStore store, GatewayConfig config) {
        this.store = store;
        this.bucketSeconds = config.reliability().bucket().toSeconds();
    }

    public Report report(ReliabilityStore.Selection selection) {
        long step = step(Duration.between(selection.from(), selection.to()));
        try {
            return new Report(selection.from(), selection.to(), selection.partner(), selection.route(), step,
                    routes(selection), webhooks(selection), series(selection, step));
        } catch (SQLException e) {
            throw new UnavailableException(e);
        }
    }

    /** The series' step for a period: at most {@link #MAX_POINTS} points, a multiple of the bucket. */
    long step(Duration period) {
        for (Duration step : STEPS) {
            long seconds = step.toSeconds();
            if (seconds >= bucketSeconds && seconds % bucketSeconds == 0 && period.toSeconds() <= seconds * MAX_POINTS) {
                return seconds;
            }
        }
        long buckets = Math.max(1, (period.toSeconds() + bucketSeconds * MAX_POINTS - 1) / (bucketSeconds * MAX_POINTS));
        return buckets * bucketSeconds;
    }

    private record RouteKey(String partner, String route) {
    }

    /** Counts per status class and a histogram of one partner and route, or of one step. */
    private static final class Tally {

        private final Map<String, Long> classes = new HashMap<>();
        private final LatencyHistogram latencies = new LatencyHistogram();

        long count(String statusClass) {
            return classes.getOrDefault(statusClass, 0L);
        }

        long requests() {
            return classes.values().stream().mapToLong(Long::longValue).sum();
        }

        long clientErrors() {
            return count("4xx") + count("limited");
        }
    }

    private List<RouteFigures> routes(ReliabilityStore.Selection selection) throws SQLException {
        Map<RouteKey, Tally> tallies = new TreeMap<>(
                Comparator.comparing(RouteKey::partner).thenComparing(RouteKey::route));
        for (ReliabilityStore.ClassCount row : store.classes(selection, 0)) {
            tallies.computeIfAbsent(new RouteKey(row.partner(), row.route()), key -> new Tally()).classes
                    .merge(row.statusClass(), row.requests(), Long::sum);
        }
        for (ReliabilityStore.LatencyCount row : store.latencies(selection, 0)) {
            tallies.computeIfAbsent(new RouteKey(row.partner(), row.route()), key -> new Tally()).latencies
                    .add(row.bucket(), row.requests());
        }
        List<RouteFigures> figures = new ArrayList<>();
        tallies.forEach((key, tally) -> {
            long requests = tally.requests();
            figures.add(new RouteFigures(key.partner(), key.route(), requests, tally.clientErrors(), tally.count("5xx"),
                    tally.count("limited"), tally.count("closed"), rate(tally.clientErrors(), requests),
                    rate(tally.count("5xx"), requests), tally.latencies.percentile(0.50),
                    tally.latencies.percentile(0.95), tally.latencies.percentile(0.99)));
        });
        return figures;
    }

    private List<WebhookFigures> webhooks(ReliabilityStore.Selection selection) throws SQLException {
        return store.webhooks(selection)
                .stream()
                .map(row -> new WebhookFigures(row.partner(), row.subscription(), row.url(), row.delivered(),
                        row.retried(), row.failed()))
                .toList();
    }

    private List<Point> series(ReliabilityStore.Selection selection, long step) throws SQLException {
        Map<Long, Tally> steps = new TreeMap<>();
        long first = Math.floorDiv(selection.from().getEpochSecond(), step) * step;
        for (long start = first; start < selection.to().getEpochSecond(); start += step) {
            steps.put(start, new Tally());
        }
        for (ReliabilityStore.ClassCount row : store.classes(selection, step)) {
            steps.computeIfAbsent(row.step(), key -> new Tally()).classes.merge(row.statusClass(), row.requests(),
                    Long::sum);
        }
        for (ReliabilityStore.LatencyCount row : store.latencies(selection, step)) {
            steps.computeIfAbsent(row.step(), key -> new Tally()).latencies.add(row.bucket(), row.requests());
        }
        List<Point> points = new ArrayList<>(steps.size());
        steps.forEach((start, tally) -> points.add(new Point(Instant.ofEpochSecond(start), tally.requests(),
                tally.clientErrors(), tally.count("5xx"), tally.count("limited"), tally.latencies.percentile(0.50),
                tally.latencies.percentile(0.95), tally.latencies.percentile(0.99))));
        return points;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}

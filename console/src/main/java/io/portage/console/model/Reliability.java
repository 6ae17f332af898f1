package io.portage.console.model;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** The gateway's partner reliability figures ({@code GET /api/v1/ops/partner-reliability}) as the page shows them. */
public final class Reliability {

    private Reliability() {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String from, String to, long stepSeconds, List<Route> routes, List<Webhook> webhooks,
            List<Point> series) {

        /** The series' step in words: "5 minutes", "1 hour". */
        public String step() {
            return stepSeconds % 3600 == 0
                    ? stepSeconds / 3600 + (stepSeconds == 3600 ? " hour" : " hours")
                    : stepSeconds / 60 + (stepSeconds == 60 ? " minute" : " minutes");
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Route(String partner, String route, long requests, long clientErrors, long serverErrors,
            long rateLimited, long closed, double clientErrorRate, double serverErrorRate, Double p50Ms, Double p95Ms,
            Double p99Ms) implements Percentiles {

        public String clientErrorPercent() {
            return percent(clientErrorRate);
        }

        public String serverErrorPercent() {
            return percent(serverErrorRate);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(String partner, String subscriptionId, String url, long delivered, long retried,
            long failed) {

        /** Attempts that were delivered, of all attempts. */
        public String successPercent() {
            long attempts = delivered + retried + failed;
            return attempts == 0 ? "-" : percent((double) delivered / attempts);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(String start, long requests, long clientErrors, long serverErrors, long rateLimited,
            Double p50Ms, Double p95Ms, Double p99Ms) implements Percentiles {

        /** The step's start as a short UTC label, e.g. "12-05 15:30". */
        public String label() {
            return start == null || start.length() < 16 ? String.valueOf(start) : start.substring(5, 16).replace('T', ' ');
        }
    }

    /** Latency percentiles in ms as the tables show them: one decimal, "-" without answers. */
    @TemplateData
    public interface Percentiles {

        Double p50Ms();

        Double p95Ms();

        Double p99Ms();

        default String p50() {
            return millis(p50Ms());
        }

        default String p95() {
            return millis(p95Ms());
        }

        default String p99() {
            return millis(p99Ms());
        }
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    static String millis(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}

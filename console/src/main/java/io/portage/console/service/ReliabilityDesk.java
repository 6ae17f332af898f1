package io.portage.console.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.console.client.Answer;
import io.portage.console.client.Notice;
import io.portage.console.client.ReliabilityClient;
import io.portage.console.model.Json;
import io.portage.console.model.Reliability;
import io.portage.console.model.ReliabilityCharts;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;

/**
 * Partners' reliability for operators: the period (UTC), partner and route chosen in the form, the gateway's figures
 * for them, and their charts.
 */
@ApplicationScoped
public class ReliabilityDesk {

    private final ReliabilityClient gateway;

    public ReliabilityDesk(ReliabilityClient gateway) {
        this.gateway = gateway;
    }

    /** The form as the person filled it: {@code from} and {@code to} as {@code 2026-12-05T08:00} in UTC; blanks are all. */
    @TemplateData
    public record Form(String from, String to, String partner, String route) {

        /** The form with the last 24 hours when no period is given. */
        public static Form of(String from, String to, String partner, String route, Instant now) {
            if (blank(from) && blank(to)) {
                LocalDateTime end = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC)
                        .plusMinutes(1);
                return new Form(end.minusHours(24).toString(), end.toString(), partner, route);
            }
            return new Form(from, to, partner, route);
        }

        Map<String, String> query() {
            Map<String, String> query = new LinkedHashMap<>();
            put(query, "from", instant(from));
            put(query, "to", instant(to));
            put(query, "partner", partner);
            put(query, "route", route);
            return query;
        }

        /** A {@code datetime-local} value as an instant in UTC; anything else as typed, for the gateway to refuse. */
        private static String instant(String value) {
            if (blank(value)) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException e) {
                return value;
            }
        }

        private static void put(Map<String, String> query, String name, String value) {
            if (!blank(value)) {
                query.put(name, value.trim());
            }
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /** What the page shows: the figures and their charts, or why there are none. */
    @TemplateData
    public record View(Form form, Reliability.Report report, RawString requestsChart, RawString latencyChart,
            Notice notice) {
    }

    public View read(Person person, Form form) {
        Answer answer = gateway.read(person.token(), form.query());
        if (!answer.ok()) {
            return new View(form, null, null, null, answer.problem());
        }
        Reliability.Report report = Json.read(answer.body(), Reliability.Report.class);
        return new View(form, report, new RawString(ReliabilityCharts.requests("requests-chart", report)),
                new RawString(ReliabilityCharts.latency("latency-chart", report)), null);
    }

}

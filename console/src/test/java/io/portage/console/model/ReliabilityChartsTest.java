package io.portage.console.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReliabilityChartsTest {

    /** As the gateway answers it (GET /api/v1/ops/partner-reliability), with a field the console does not read. */
    static final String ANSWER = """
            {"from":"2026-12-05T08:00:00Z","to":"2026-12-05T08:15:00Z","partner":null,"route":null,"stepSeconds":300,
             "routes":[{"partner":"acme","route":"GET /api/v1/orders/{id}","requests":40,"clientErrors":4,"serverErrors":2,
               "rateLimited":3,"closed":0,"clientErrorRate":0.1,"serverErrorRate":0.05,"p50Ms":12.5,"p95Ms":80.25,"p99Ms":310.0}],
             "webhooks":[{"partner":"acme","subscriptionId":"0b5f9d8e-7c1a-4a53-9a11-5d2f3c4b6a70","url":"https://hooks.acme.example/x",
               "delivered":9,"retried":1,"failed":0}],
             "series":[
               {"start":"2026-12-05T08:00:00Z","requests":30,"clientErrors":3,"serverErrors":0,"rateLimited":3,"p50Ms":10.0,"p95Ms":50.0,"p99Ms":90.0,"later":1},
               {"start":"2026-12-05T08:05:00Z","requests":0,"clientErrors":0,"serverErrors":0,"rateLimited":0,"p50Ms":null,"p95Ms":null,"p99Ms":null},
               {"start":"2026-12-05T08:10:00Z","requests":10,"clientErrors":1,"serverErrors":2,"rateLimited":0,"p50Ms":20.0,"p95Ms":200.0,"p99Ms":310.0}]}
            """;

    static Reliability.Report report() {
        return Json.read(ANSWER, Reliability.Report.class);
    }

    @Test
    void theGatewaysAnswerReadsAsThePageShowsIt() {
        Reliability.Report report = report();
        assertThat(report.step()).isEqualTo("5 minutes");
        Reliability.Route route = report.routes().get(0);
        assertThat(route.clientErrorPercent()).isEqualTo("10.0 %");
        assertThat(route.p95()).isEqualTo("80.3");
        assertThat(report.webhooks().get(0).successPercent()).isEqualTo("90.0 %");
        assertThat(report.series().get(1).label()).isEqualTo("12-05 08:05");
        assertThat(report.series().get(1).p99()).isEqualTo("-");
    }

    @Test
    void requestsAreStackedBarsWithATitleADescriptionAndATooltipPerStep() {
        String svg = ReliabilityCharts.requests("r", report());
        assertThat(svg).startsWith("<svg")
                .endsWith("</svg>")
                .contains("role=\"img\"", "aria-labelledby=\"r-title r-desc\"",
                        "<title id=\"r-title\">Requests per 5 minutes</title>",
                        "<desc id=\"r-desc\">", "The table after the charts holds the same figures")
                .contains("<title>12-05 08:00: 30 requests, 3 4xx (3 rate-limited), 0 5xx</title>")
                .contains(">30</text>", ">15</text>", "12-05 08:10 UTC");
        // 27 fine and 3 4xx in the first step, none in the second, 7 + 1 + 2 in the third.
        assertThat(svg.split("<rect", -1)).hasSize(1 + 2 + 3);
        assertThat(svg).contains("height=\"147.6\""); // 27 of 30 on a plot 164 high
    }

    @Test
    void latencyLinesBreakWhereAStepHadNoAnswer() {
        String svg = ReliabilityCharts.latency("l", report());
        assertThat(svg).contains("<title id=\"l-title\">Latency per 5 minutes (ms)</title>", ">310</text>");
        List<String> paths = List.of(svg.split("<path")).subList(1, 4);
        for (String path : paths) {
            String d = path.substring(path.indexOf(" d=\"") + 4, path.indexOf("\"/>"));
            assertThat(d.chars().filter(c -> c == 'M')).as(d).hasSize(2);
        }
        assertThat(paths.get(1)).contains("stroke-dasharray=\"6 3\"");
    }

    @Test
    void textIsEscaped() {
        assertThat(ReliabilityCharts.escape("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }
}

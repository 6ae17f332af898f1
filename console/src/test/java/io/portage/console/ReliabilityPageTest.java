package io.portage.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.portage.console.client.Notice;
import io.portage.console.model.Json;
import io.portage.console.model.Reliability;
import io.portage.console.model.ReliabilityCharts;
import io.portage.console.model.Viewer;
import io.portage.console.service.ReliabilityDesk;
import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The partner reliability page: signed-in people only; rendered, it holds the form, the table per partner and route,
 * both charts as inline SVG with their table, the webhook subscribers, and the menu link for operators.
 */
@QuarkusTest
class ReliabilityPageTest {

    private static final String ANSWER = """
            {"from":"2026-12-05T08:00:00Z","to":"2026-12-05T08:10:00Z","stepSeconds":300,
             "routes":[{"partner":"acme","route":"GET /api/v1/orders/{id}","requests":40,"clientErrors":4,"serverErrors":2,
               "rateLimited":3,"closed":1,"clientErrorRate":0.1,"serverErrorRate":0.05,"p50Ms":12.5,"p95Ms":80.25,"p99Ms":310.0}],
             "webhooks":[{"partner":"acme","subscriptionId":"0b5f9d8e-7c1a-4a53-9a11-5d2f3c4b6a70","url":null,
               "delivered":9,"retried":1,"failed":0}],
             "series":[
               {"start":"2026-12-05T08:00:00Z","requests":30,"clientErrors":3,"serverErrors":0,"rateLimited":3,"p50Ms":10.0,"p95Ms":50.0,"p99Ms":90.0},
               {"start":"2026-12-05T08:05:00Z","requests":10,"clientErrors":1,"serverErrors":2,"rateLimited":0,"p50Ms":20.0,"p95Ms":200.0,"p99Ms":310.0}]}
            """;

    @Inject
    Engine engine;

    @Test
    void aStrangerIsSentToSignIn() {
        String location = given().redirects()
                .follow(false)
                .when()
                .get("/partner-reliability")
                .then()
                .statusCode(302)
                .extract()
                .header("Location");
        assertThat(URI.create(location).getPath()).isEqualTo("/realms/portage/protocol/openid-connect/auth");
    }

    @Test
    void thePageShowsTheFiguresTheChartsAndTheirTable() {
        Reliability.Report report = Json.read(ANSWER, Reliability.Report.class);
        ReliabilityDesk.Form form = ReliabilityDesk.Form.of("2026-12-05T08:00", "2026-12-05T08:10", "acme", null,
                Instant.now());
        ReliabilityDesk.View view = new ReliabilityDesk.View(form, report,
                new RawString(ReliabilityCharts.requests("requests-chart", report)),
                new RawString(ReliabilityCharts.latency("latency-chart", report)), null);
        String page = engine.getTemplate("ReliabilityPage/page")
                .data("viewer", new Viewer("ops.alice", Set.of("ops"), true))
                .data("view", view)
                .render();
        assertThat(page).contains("<h1>Partner reliability</h1>", "value=\"2026-12-05T08:00\"", "value=\"acme\"",
                "aria-current=\"page\">Partner reliability</a>")
                .contains("<code>GET /api/v1/orders/{id}</code>", "<td>10.0 % (4)</td>", "<td>5.0 % (2)</td>", "<td>80.3</td>")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "<title id=\"requests-chart-title\">",
                        "<title id=\"latency-chart-title\">")
                .contains("<summary>The charts' figures as a table</summary>", "<td>12-05 08:05</td><td>10</td>")
                .contains("deleted subscription", "<td>90.0 %</td>");
        assertThat(page).doesNotContain("&lt;svg");
    }

    @Test
    void aRefusalIsShownInsteadOfFigures() {
        ReliabilityDesk.Form form = ReliabilityDesk.Form.of(null, null, null, null, Instant.parse("2026-12-05T08:00:30Z"));
        assertThat(form.from()).isEqualTo("2026-12-04T08:01");
        assertThat(form.to()).isEqualTo("2026-12-05T08:01");
        String page = engine.getTemplate("ReliabilityPage/page")
                .data("viewer", new Viewer("ops.alice", Set.of("ops"), true))
                .data("view", new ReliabilityDesk.View(form, null, null, null,
                        Notice.error("Invalid request (400)", "from: must be before to")))
                .render();
        assertThat(page).contains("role=\"alert\"", "from: must be before to").doesNotContain("<svg");
    }
}

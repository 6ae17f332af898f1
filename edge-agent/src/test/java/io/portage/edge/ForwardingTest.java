package io.portage.edge;

import static io.portage.edge.TestKeys.asDevice;
import static io.portage.edge.TestKeys.asOperator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Forwarding against a stand-in gateway that goes down and comes back: order per key, each id applied once, dead
 * letters and their replay, token refresh. Backoff is capped at 400 ms here so that an outage costs seconds.
 */
@QuarkusTest
@TestProfile(ForwardingTest.Forwarding.class)
class ForwardingTest {

    /** Forwarding on, to the stand-in, with short backoff, short-lived tokens and a store of its own. */
    public static class Forwarding implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            String base = "http://127.0.0.1:" + GatewayStandIn.port();
            return Map.ofEntries(
                    Map.entry("portage.edge.store-path", "target/forwarding-" + System.nanoTime() + ".db"),
                    Map.entry("portage.edge.forward.enabled", "true"),
                    Map.entry("portage.edge.forward.url", base + "/api/v1/edge/events"),
                    Map.entry("portage.edge.forward.batch-size", "50"),
                    Map.entry("portage.edge.forward.backoff-initial", "50ms"),
                    Map.entry("portage.edge.forward.backoff-max", "400ms"),
                    Map.entry("portage.edge.forward.idle-interval", "100ms"),
                    Map.entry("portage.edge.forward.token-refresh-skew", "1s"),
                    Map.entry("quarkus.oidc-client.auth-server-url", base),
                    Map.entry("quarkus.oidc-client.token-path", "/token"));
        }
    }

    static GatewayStandIn gateway;

    @BeforeAll
    static void gatewayStartsDown() {
        gateway = new GatewayStandIn(GatewayStandIn.port());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for: " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    static JsonPath status() {
        return asOperator().when().get("/").then().statusCode(200).extract().jsonPath();
    }

    static long pending() {
        return asOperator().when().get("/api/v1/backlog").then().statusCode(200).extract().jsonPath().getLong("pending");
    }

    static String event(UUID id, String key, String priority, String payload) {
        return """
                {"id":"%s","type":"scan.pick.confirmed","key":"%s","priority":"%s","occurredAt":"2026-11-23T08:00:00Z",
                 "payload":%s}""".formatted(id, key, priority, payload);
    }

    static void post(List<String> events) {
        asDevice().contentType(ContentType.JSON)
                .body("[" + String.join(",", events) + "]")
                .when()
                .post("/api/v1/events/batch")
                .then()
                .statusCode(202);
    }

    @Test
    void anOutageDelaysEventsButLosesNoneAndKeepsTheOrderOfEveryKey() throws Exception {
        gateway.down();
        Map<String, List<UUID>> sentByKey = new LinkedHashMap<>();
        String[] priorities = {"TELEMETRY", "NORMAL", "DISPATCH", "GATE"};
        for (int round = 0; round < 6; round++) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String key = "OUTAGE-" + (i % 12);
                UUID id = UUID.randomUUID();
                sentByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                // Mixed priorities within a key: gate events jump the queue, but never ahead of their own key.
                batch.add(event(id, key, priorities[(i / 12 + round) % 4], "{\"n\":" + (round * 100 + i) + "}"));
            }
            post(batch);
        }
        Thread.sleep(1500);
        JsonPath down = status();
        assertThat(down.getBoolean("forwarding.uplinkUp")).isFalse();
        assertThat(down.getInt("forwarding.consecutiveFailures")).isGreaterThan(2);
        assertThat(down.getLong("backlog.pending")).isGreaterThanOrEqualTo(600);
        assertThat(down.getLong("backlog.oldestPendingAgeSeconds")).isGreaterThanOrEqualTo(1);
        given().when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'forwarder' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'forwarder' }.data.uplinkUp", org.hamcrest.Matchers.equalTo(false));
        given().when().get("/q/health/ready").then().statusCode(200);

        gateway.up();
        await("some events forwarded", Duration.ofSeconds(20), () -> gateway.applied() >= 150);
        gateway.down();
        Thread.sleep(1000);
        gateway.up();
        await("the backlog drained", Duration.ofSeconds(30), () -> pending() == 0);

        sentByKey.forEach((key, ids) -> assertThat(gateway.appliedFor(key)).as(key).containsExactlyElementsOf(ids));
        assertThat(gateway.appliedTwice()).isEmpty();
        JsonPath up = status();
        assertThat(up.getBoolean("forwarding.uplinkUp")).isTrue();
        assertThat(up.getString("forwarding.lastSuccess")).isNotNull();
        assertThat(up.getLong("forwarding.forwardedSinceStart")).isGreaterThanOrEqualTo(600);
        assertThat(up.getDouble("forwarding.eventsPerSecond")).isPositive();
    }

    @Test
    void aRejectedEventWaitsAsADeadLetterWithoutBlockingItsKeyAndCanBeReplayed() throws Exception {
        gateway.up();
        gateway.rejectInvalid = true;
        UUID first = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        post(List.of(event(first, "DL-1", "NORMAL", "{}"), event(invalid, "DL-1", "NORMAL", "{\"invalid\":true}"),
                event(third, "DL-1", "NORMAL", "{}")));
        await("the key forwarded", Duration.ofSeconds(10), () -> gateway.applied(third));
        assertThat(gateway.appliedFor("DL-1")).containsExactly(first, third);
        await("the dead letter", Duration.ofSeconds(5), () -> status().getLong("deadLetters") >= 1);

        JsonPath letters = asOperator().when().get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
        assertThat(letters.getList("id")).contains(invalid.toString());
        assertThat(letters.getString("find { it.id == '" + invalid + "' }.reason")).isEqualTo("payload.invalid is true");
        assertThat(letters.getBoolean("find { it.id == '" + invalid + "' }.payload.invalid")).isTrue();

        gateway.rejectInvalid = false;
        asOperator().contentType(ContentType.JSON)
                .body("{\"ids\":[\"" + invalid + "\"]}")
                .when()
                .post("/api/v1/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("replayed", org.hamcrest.Matchers.equalTo(1));
        await("the replayed event", Duration.ofSeconds(10), () -> gateway.applied(invalid));
        assertThat(asOperator().when().get("/api/v1/dead-letters").then().extract().jsonPath().getList("id"))
                .doesNotContain(invalid.toString());
        gateway.rejectInvalid = true;
    }

    @Test
    void tokensAreRefreshedBeforeTheyExpireAndFetchedAgainWhenRefused() throws Exception {
        gateway.up();
        gateway.tokenSeconds = 2;
        int issuedBefore = gateway.tokensIssued.get();
        int refusedBefore = gateway.unauthorized.get();
        List<UUID> ids = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(until)) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            post(List.of(event(id, "TOKEN-1", "NORMAL", "{}")));
            Thread.sleep(150);
        }
        await("all forwarded", Duration.ofSeconds(10), () -> ids.stream().allMatch(gateway::applied));
        assertThat(gateway.tokensIssued.get() - issuedBefore).as("tokens fetched over 5 s of 2 s tokens")
                .isGreaterThanOrEqualTo(2);
        assertThat(gateway.unauthorized.get() - refusedBefore).as("requests with an expired token").isZero();

        // A long-lived token in the agent's cache first (the last 2 s one runs out and is replaced), so the revoked
        // token is one the agent still takes for valid.
        gateway.tokenSeconds = 60;
        int issuedLong = gateway.tokensIssued.get();
        Instant deadline = Instant.now().plusSeconds(10);
        while (gateway.tokensIssued.get() == issuedLong) {
            assertThat(Instant.now()).as("waiting for a 60 s token").isBefore(deadline);
            UUID probe = UUID.randomUUID();
            post(List.of(event(probe, "TOKEN-1", "NORMAL", "{}")));
            await("the probe forwarded", Duration.ofSeconds(10), () -> gateway.applied(probe));
            Thread.sleep(500);
        }
        int refusedBeforeRevoke = gateway.unauthorized.get();
        gateway.revokeTokens();
        UUID after = UUID.randomUUID();
        post(List.of(event(after, "TOKEN-1", "NORMAL", "{}")));
        await("forwarded with a new token", Duration.ofSeconds(10), () -> gateway.applied(after));
        assertThat(gateway.unauthorized.get() - refusedBeforeRevoke).as("the revoked token was refused once")
                .isPositive();
        assertThat(gateway.appliedFor("TOKEN-1")).endsWith(after);
    }
}

package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Each service sits behind exactly one circuit breaker, whichever route reaches it: order-service failing partners'
 * submissions opens the breaker operators' calls to its operations API see too, and only that service's.
 */
@QuarkusTest
@TestProfile(OneBreakerPerServiceTest.QuickBreakers.class)
class OneBreakerPerServiceTest {

    /** Breakers that open after 4 calls and close again after 2 s, so the test need not wait long. */
    public static class QuickBreakers implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portage.gateway.downstreams.order-service.breaker.request-volume", "4",
                    "portage.gateway.downstreams.order-service.breaker.delay", "2s");
        }
    }

    private static String operator() {
        return TestTokens.partner("ignored", "ops")
                .claim("partner_id", null)
                .claim("preferred_username", "ops.alice")
                .claim("realm_access", Map.of("roles", List.of("ops")))
                .sign();
    }

    private static int opsDeadLetters(String service, String correlation) {
        return given().auth()
                .oauth2(operator())
                .header("X-Correlation-Id", correlation)
                .when()
                .get("/api/v1/ops/" + service + "/dead-letters")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void failingPartnerRoutesOpenTheBreakerTheOperationsRoutesSee() {
        String partner = TestTokens.partner("northwind", "orders:write").sign();
        for (int i = 0; i < 4; i++) {
            given().auth()
                    .oauth2(partner)
                    .contentType("application/json")
                    .body("{\"externalId\":\"BOOM\",\"lines\":[]}")
                    .when()
                    .post("/api/v1/orders")
                    .then()
                    .statusCode(503);
        }

        String blocked = "corr-breaker-" + UUID.randomUUID();
        assertThat(opsDeadLetters("order-service", blocked)).isEqualTo(503);
        // The breaker is open: the operations call never reached order-service.
        assertThat(OrderRoutesTest.recorded()).noneMatch(r -> blocked.equals(r.get("correlation")));
        // Another service's breaker is its own.
        assertThat(opsDeadLetters("shipment-service", "corr-breaker-" + UUID.randomUUID())).isEqualTo(200);

        // After the breaker's delay a call goes through again, and closes it.
        String after = "corr-breaker-" + UUID.randomUUID();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> opsDeadLetters("order-service", after) == 200);
        assertThat(OrderRoutesTest.recorded()).anyMatch(r -> after.equals(r.get("correlation")));
    }
}

package io.portage.edge.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.portage.edge.TestKeys;
import io.portage.edge.domain.AccessRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The door of every HTTP route: without a key, with a revoked or unknown one, with the other role's key and with the
 * right key. Devices post events; operators read the status, the backlog and the dead letters and replay them.
 */
@QuarkusTest
class AccessTest {

    /** A route, what it takes and a body that makes it succeed with the right key. */
    record Route(Method method, String path, AccessRole role, String body, int success) {
    }

    static final List<Route> ROUTES = List.of(
            new Route(Method.POST, "/api/v1/events", AccessRole.DEVICE, event(), 202),
            new Route(Method.POST, "/api/v1/events/batch", AccessRole.DEVICE, "[" + event() + "]", 202),
            new Route(Method.GET, "/", AccessRole.OPERATOR, null, 200),
            new Route(Method.GET, "/api/v1/backlog", AccessRole.OPERATOR, null, 200),
            new Route(Method.GET, "/api/v1/dead-letters", AccessRole.OPERATOR, null, 200),
            new Route(Method.POST, "/api/v1/dead-letters/replay", AccessRole.OPERATOR, "{\"ids\":[\"" + UUID.randomUUID()
                    + "\"]}", 200));

    static String revokedDevice;
    static String revokedOperator;

    @BeforeAll
    static void keys() {
        revokedDevice = TestKeys.fresh("test-revoked-scanner", AccessRole.DEVICE);
        revokedOperator = TestKeys.fresh("test-revoked-operator", AccessRole.OPERATOR);
        TestKeys.FILE.revoke("test-revoked-scanner");
        TestKeys.FILE.revoke("test-revoked-operator");
    }

    static String event() {
        return """
                {"type":"scan.pick.confirmed","key":"ACCESS-1","occurredAt":"2026-11-23T08:00:00Z","payload":{}}""";
    }

    static ValidatableResponse call(Route route, String key) {
        RequestSpecification request = given();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (route.body() != null) {
            request.contentType(ContentType.JSON).body(route.body());
        }
        return request.request(route.method(), route.path()).then();
    }

    static long pending() {
        return TestKeys.asOperator().get("/api/v1/backlog").then().statusCode(200).extract().jsonPath().getLong("pending");
    }

    @Test
    void everyRouteRefusesARequestWithoutAKey() {
        long before = pending();
        for (Route route : ROUTES) {
            call(route, null).statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401))
                    .body("type", equalTo("https://docs.portage.io/problems/unauthorized"))
                    .body("instance", equalTo(route.path()));
            given().header("Authorization", "Basic dXNlcjpwYXNz").request(route.method(), route.path()).then().statusCode(401);
        }
        assertThat(pending()).isEqualTo(before);
    }

    @Test
    void everyRouteRefusesARevokedOrUnknownKey() {
        long before = pending();
        for (Route route : ROUTES) {
            String revoked = route.role() == AccessRole.DEVICE ? revokedDevice : revokedOperator;
            call(route, revoked).statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The key is not one this agent holds (unknown or revoked)"));
            call(route, "pek_" + "A".repeat(43)).statusCode(401);
        }
        assertThat(pending()).isEqualTo(before);
    }

    @Test
    void aDeviceKeyIsRefusedOnOperatorRoutesAndAnOperatorKeyOnDeviceRoutes() {
        long before = pending();
        for (Route route : ROUTES) {
            String other = route.role() == AccessRole.DEVICE ? TestKeys.operator() : TestKeys.device();
            call(route, other).statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
        // A path no resource serves still takes an operator's key: a route added later is closed until decided.
        call(new Route(Method.GET, "/api/v1/not-yet", AccessRole.OPERATOR, null, 404), TestKeys.device()).statusCode(403);
        call(new Route(Method.GET, "/api/v1/not-yet", AccessRole.OPERATOR, null, 404), null).statusCode(401);
        assertThat(pending()).isEqualTo(before);
    }

    @Test
    void everyRouteTakesTheRightKey() {
        for (Route route : ROUTES) {
            String key = route.role() == AccessRole.DEVICE ? TestKeys.device() : TestKeys.operator();
            call(route, key).statusCode(route.success());
        }
    }

    @Test
    void probesMetricsAndTheOpenApiDocumentNeedNoKey() {
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
            given().get(path).then().statusCode(200);
        }
    }
}

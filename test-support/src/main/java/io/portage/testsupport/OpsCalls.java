package io.portage.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** What the services' tests ask the operations API ({@code /ops}) about their consumers, as an operator. */
public final class OpsCalls {

    private OpsCalls() {
    }

    /** The id of the open dead letter {@code consumer} stored for event {@code eventId}, waiting up to 30 s for it. */
    public static String awaitOpenDeadLetter(String consumer, String eventId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().queryParam("consumer", consumer)
                        .queryParam("status", "OPEN")
                        .queryParam("limit", 1000)
                        .when()
                        .get("/ops/dead-letters")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("find { it.eventId == '%s' }.id".formatted(eventId)), id -> id != null);
    }

    /**
     * Points the test application back at the usual stand-in database and, if the application saw another instance,
     * confirms it as {@code operatorToken}: test applications of one module may share a PostgreSQL database, which
     * binds the Odoo instance it met first.
     */
    public static void backToTheUsualOdoo(String operatorToken) {
        OdooStandinResource.restoreTheUsualDatabase();
        String seen = given().auth()
                .oauth2(operatorToken)
                .when()
                .get("/ops/odoo-sync/instance")
                .then()
                .statusCode(200)
                .extract()
                .path("seenFingerprint");
        if (seen != null) {
            given().auth()
                    .oauth2(operatorToken)
                    .contentType("application/json")
                    .body(java.util.Map.of("fingerprint", seen))
                    .when()
                    .post("/ops/odoo-sync/instance/confirm")
                    .then()
                    .statusCode(200);
        }
    }
}

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
}

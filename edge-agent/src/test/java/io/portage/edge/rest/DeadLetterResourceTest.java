package io.portage.edge.rest;

import static io.portage.edge.TestKeys.asOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Replay requests the agent must refuse as problems naming the field, never a 500. */
@QuarkusTest
class DeadLetterResourceTest {

    @Test
    void aNullIdIsABadRequestNamingItsIndex() {
        asOperator().contentType(ContentType.JSON)
                .body("{\"ids\":[\"0190c3a0-0000-7000-8000-000000000001\",null]}")
                .when()
                .post("/api/v1/dead-letters/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("ids[1]"));
        asOperator().contentType(ContentType.JSON)
                .body("{\"ids\":[null]}")
                .when()
                .post("/api/v1/dead-letters/replay")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("ids[0]"));
    }
}

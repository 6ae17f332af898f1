package io.portage.shipment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A NUL in a path or a query string, answered with a plain-text 500 before: now a problem naming the parameter. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
class HostileInputTest {

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @Test
    void aNulInADeadLetterIdIsAProblem() {
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/ops/dead-letters/%00/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("instance", equalTo("/ops/dead-letters/%00/replay"))
                .body("violations[0].field", equalTo("id"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/ops/dead-letters/%7B%7C%5E%25")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aNulInAnOperationsFilterIsRefusedNamingIt() {
        given().urlEncodingEnabled(false)
                .when()
                .get("/ops/dead-letters?consumer=%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("consumer"));
    }
}

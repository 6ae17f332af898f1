package io.portage.edge.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The agent's OpenAPI document is one a client can be generated from: a server, and every operation with an
 * operationId, the key it needs, a 2xx, its 401 and 403, and a problem+json body for every error it declares.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Map<String, String> SECURITY = Map.of("takeEvent", "deviceKey", "takeEventBatch", "deviceKey",
            "status", "operatorKey", "backlog", "operatorKey", "listDeadLetters", "operatorKey", "replayDeadLetters",
            "operatorKey");

    @Test
    void everyOperationIsNamedSecuredAndAnswersDeclared() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        assertThat(document.path("servers")).isNotEmpty();
        assertThat(document.path("components").path("securitySchemes").has("deviceKey")).isTrue();
        assertThat(document.path("components").path("securitySchemes").has("operatorKey")).isTrue();
        List<String> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String id = operation.path("operationId").asText();
            String where = method.getKey() + " " + path.getKey();
            assertThat(id).as("operationId of %s", where).isNotEmpty();
            operations.add(id);
            assertThat(operation.path("security").get(0).has(SECURITY.get(id))).as("security of %s", where).isTrue();
            JsonNode responses = operation.path("responses");
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as("answers of %s", where).contains("401", "403").anyMatch(s -> s.startsWith("2"));
            responses.properties().forEach(answer -> {
                if (answer.getKey().matches("[45]\\d\\d")) {
                    assertThat(answer.getValue().path("content").has("application/problem+json"))
                            .as("%s %s is problem+json", where, answer.getKey())
                            .isTrue();
                }
            });
        }));
        assertThat(operations).containsExactlyInAnyOrderElementsOf(SECURITY.keySet());
    }
}

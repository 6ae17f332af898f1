package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The partners' OpenAPI document names every partner route, with examples, and Swagger UI is served. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyPartnerRouteIsDocumentedWithExamples() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/orders"))
                .body("paths", hasKey("/api/v1/orders/{id}"))
                .body("paths", hasKey("/api/v1/orders/{id}/cancel"))
                .body("paths", hasKey("/api/v1/edge/events"))
                .body("paths", hasKey("/api/v1/webhooks/subscriptions"))
                .body("paths", hasKey("/api/v1/webhooks/subscriptions/{id}/deliveries/{delivery}/replay"))
                .body("paths", hasKey("/api/v1/ops/partners"))
                .body("paths", hasKey("/api/v1/shipments/{id}"))
                .body("paths", hasKey("/api/v1/appointments/{id}"))
                .body("paths.'/api/v1/appointments'.post.requestBody.content.'application/json'.examples.appointment.value.dock",
                        equalTo("D1"))
                .body("paths.'/api/v1/orders'.post.requestBody.content.'application/json'.examples.order.value.externalId",
                        equalTo("NW-1001"))
                .body("paths.'/api/v1/edge/events'.post.requestBody.content.'application/json'.examples.picks.value.events[0].type",
                        equalTo("scan.pick.confirmed"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}

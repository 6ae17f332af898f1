package io.portage.kit.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The exception queue is for its owners: finance and warehouse people see and settle the items their role owns and no
 * other, operators every item; dead letters, parked events and the audit trail stay with operators.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "eventkit"))
class ExceptionOwnersTest {

    private static final String FIONA = TestTokens.person("finance.fiona", "finance", "finance-approver");
    private static final String WALT = TestTokens.person("warehouse.walt", "warehouse");

    @Inject
    ExceptionQueue exceptions;

    private ExceptionItem raise(String type, String owner) {
        return OnVertx.await(() -> Panache.withTransaction(() -> exceptions.raise(type, owner,
                UUID.randomUUID().toString(), "needs a person", "{\"evidence\":true}")), Duration.ofSeconds(30));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    @Test
    void eachRoleListsOnlyTheItemsItOwnsAndOperatorsListThemAll() {
        String type = "test.owners-" + UUID.randomUUID().toString().substring(0, 8);
        ExceptionItem dispute = raise(type, "finance");
        ExceptionItem discrepancy = raise(type, "warehouse");
        ExceptionItem mapping = raise(type, "ops");

        assertThat(ids(FIONA, type)).containsExactly(dispute.id().toString());
        assertThat(ids(WALT, type)).containsExactly(discrepancy.id().toString());
        assertThat(ids(TestTokens.ops("ops.alice"), type)).containsExactly(dispute.id().toString(),
                discrepancy.id().toString(), mapping.id().toString());

        // Asking for another role's items, reading one, or acting on one is refused, and leaves it open.
        as(FIONA).queryParam("owner", "warehouse").get("/ops/exceptions").then().statusCode(403);
        as(FIONA).get("/ops/exceptions/{id}", discrepancy.id()).then().statusCode(403);
        as(WALT).body("{\"resolution\":\"not mine\"}")
                .post("/ops/exceptions/{id}/resolve", dispute.id())
                .then()
                .statusCode(403)
                .body("detail", containsString("owned by 'finance'"));
        as(WALT).body("{\"reason\":\"not mine\"}").post("/ops/exceptions/{id}/discard", mapping.id()).then().statusCode(403);
        as(TestTokens.ops("ops.alice")).get("/ops/exceptions/{id}", dispute.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
    }

    @Test
    void anOwnerSettlesItsItemInItsOwnNameAndTheHistoryShowsIt() {
        String type = "test.settle-" + UUID.randomUUID().toString().substring(0, 8);
        ExceptionItem discrepancy = raise(type, "warehouse");

        as(WALT).get("/ops/exceptions/{id}", discrepancy.id())
                .then()
                .statusCode(200)
                .body("payload", equalTo("{\"evidence\":true}"));
        as(WALT).body("{\"resolution\":\"recounted: 12 cartons, the ASN was wrong\"}")
                .post("/ops/exceptions/{id}/resolve", discrepancy.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedBy", equalTo("warehouse.walt"));
        as(WALT).get("/ops/exceptions/{id}/history", discrepancy.id())
                .then()
                .statusCode(200)
                .body("[0].actor", equalTo("warehouse.walt"))
                .body("[0].action", equalTo("exception.resolve"))
                .body("[0].detail", equalTo("recounted: 12 cartons, the ASN was wrong"));
        as(FIONA).get("/ops/exceptions/{id}/history", discrepancy.id()).then().statusCode(403);
        // A resolution is required.
        ExceptionItem another = raise(type, "warehouse");
        as(WALT).body("{\"resolution\":\" \"}").post("/ops/exceptions/{id}/resolve", another.id()).then().statusCode(400);
    }

    @Test
    void listsFilterByAge() {
        String type = "test.age-" + UUID.randomUUID().toString().substring(0, 8);
        raise(type, "finance");
        assertThat(ids(FIONA, type)).hasSize(1);
        assertThat(as(FIONA).queryParam("type", type)
                .queryParam("minAgeMinutes", 60)
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("id")).isEmpty();
        as(FIONA).queryParam("minAgeMinutes", -1).get("/ops/exceptions").then().statusCode(400);
    }

    @Test
    void deadLettersParkedEventsAndTheAuditTrailStayWithOperators() {
        for (String token : List.of(FIONA, WALT)) {
            as(token).get("/ops/dead-letters").then().statusCode(403);
            as(token).body("{\"dryRun\":true}").post("/ops/dead-letters/replay").then().statusCode(403);
            as(token).get("/ops/parked-events").then().statusCode(403);
            as(token).get("/ops/audit").then().statusCode(403);
        }
        // A partner's token reaches no exception item either.
        as(TestTokens.partner("northwind")).get("/ops/exceptions").then().statusCode(403);
        given().auth().none().get("/ops/exceptions").then().statusCode(401);
    }

    private static List<String> ids(String token, String type) {
        return as(token).queryParam("type", type)
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }
}

package io.portage.odoo.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.OnVertx;
import io.portage.testsupport.OpsCalls;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;

/**
 * ODOO.md, "Which Odoo is this?": the same ids mean other records in another database, and an integration user can
 * tell instances apart by URL, database and res.company 1's create_date (not database.uuid, which it may not read).
 * Another database answering at the configured address holds writes and polls until an operator confirms it; then the
 * old instance's cache is dropped and the new one's loaded.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "odooinstance"))
@QuarkusTestResource(OdooStandinResource.class)
class OdooInstanceTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    OdooInstances instances;
    @Inject
    MasterData masterData;

    /** The usual stand-in database back, so the test applications after this one find the instance they expect. */
    @AfterEach
    void backToTheUsualOdoo() {
        OpsCalls.backToTheUsualOdoo(TestTokens.ops("ops.alice"));
    }

    @Test
    void anotherDatabaseAtTheSameAddressHoldsWritesAndPollsUntilAnOperatorConfirmsIt() {
        String ops = TestTokens.ops("ops.alice");
        poll(ops);
        String bound = given().auth()
                .oauth2(ops)
                .when()
                .get("/ops/odoo-sync/instance")
                .then()
                .statusCode(200)
                .body("state", equalTo("bound"))
                .body("boundBy", equalTo("first contact"))
                .body("bound.database", equalTo("portage"))
                .extract()
                .path("boundFingerprint");
        assertThat(db(() -> masterData.productBySku("PT-CHAIR-01"))).isPresent();
        db(() -> instances.requireBound());

        // A restored copy of another database, answering at the same URL with the same name and credentials.
        OdooStandinResource.replaceWithAnotherDatabase(Instant.parse("2021-03-04T05:06:07Z"));
        OdooStandinResource.standin()
                .createAsSuperuser("product.product",
                        Map.of("name", "Only in the other database", "default_code", "OTHER-DB-01", "type", "consu"));
        poll(ops);
        given().auth()
                .oauth2(ops)
                .when()
                .get("/ops/odoo-sync")
                .then()
                .statusCode(200)
                .body("lastError", everyItem(startsWith("io.portage.odoo.sync.OdooInstanceChangedException")));
        String seen = given().auth()
                .oauth2(ops)
                .when()
                .get("/ops/odoo-sync/instance")
                .then()
                .statusCode(200)
                .body("state", equalTo("changed"))
                .body("boundFingerprint", equalTo(bound))
                .body("seen.databaseCreated", startsWith("2021-03-04"))
                .extract()
                .path("seenFingerprint");
        assertThat(seen).isNotEqualTo(bound);
        assertThat(db(() -> masterData.productBySku("OTHER-DB-01"))).isEmpty();
        assertThatThrownBy(() -> db(() -> instances.requireBound()))
                .isInstanceOf(OdooInstanceChangedException.class)
                .hasMessageContaining(seen)
                .hasMessageContaining(bound);

        // Only an operator confirms, and only the instance actually seen.
        given().auth()
                .oauth2(TestTokens.partner("acme"))
                .contentType(ContentType.JSON)
                .body(Map.of("fingerprint", seen))
                .when()
                .post("/ops/odoo-sync/instance/confirm")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ops)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/ops/odoo-sync/instance/confirm")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("fingerprint"));
        // Bodies that are not the confirmation: problems, never a 5xx.
        for (String body : new String[]{"{", "[]", "\"x\"", "{\"fingerprint\": 7, \"keepData\": \"yes\"}",
                "{\"fingerprint\": {}}", "{\"fingerprint\": \"%00<>\"}"}) {
            int status = given().auth()
                    .oauth2(ops)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/ops/odoo-sync/instance/confirm")
                    .then()
                    .contentType("application/problem+json")
                    .extract()
                    .statusCode();
            assertThat(status).as(body).isBetween(400, 499);
        }
        given().auth()
                .oauth2(ops)
                .contentType(ContentType.JSON)
                .body(Map.of("fingerprint", bound))
                .when()
                .post("/ops/odoo-sync/instance/confirm")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(seen));

        given().auth()
                .oauth2(ops)
                .contentType(ContentType.JSON)
                .body(Map.of("fingerprint", seen))
                .when()
                .post("/ops/odoo-sync/instance/confirm")
                .then()
                .statusCode(200)
                .body("state", equalTo("bound"))
                .body("boundFingerprint", equalTo(seen))
                .body("boundBy", equalTo("ops.alice"));
        db(() -> instances.requireBound());
        // The old instance's cache is gone and the new one's loaded by the poll the confirmation ran.
        assertThat(db(() -> masterData.productBySku("OTHER-DB-01"))).isPresent();
        given().auth()
                .oauth2(ops)
                .when()
                .get("/ops/odoo-sync")
                .then()
                .statusCode(200)
                .body("lastError", everyItem(not(startsWith("io.portage"))));
        given().auth()
                .oauth2(ops)
                .when()
                .get("/ops/audit")
                .then()
                .statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItem("odoo-sync.instance.confirm"));
    }

    private static void poll(String token) {
        given().auth().oauth2(token).when().post("/ops/odoo-sync/poll").then().statusCode(200);
    }

    private static <T> T db(Supplier<Uni<T>> work) {
        return OnVertx.await(work, WAIT);
    }
}

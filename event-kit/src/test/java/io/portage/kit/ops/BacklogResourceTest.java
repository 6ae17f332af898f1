package io.portage.kit.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Backlogs are counted from their rows, oldest first, and each is shown to operators and the role that owns it. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "eventkit"))
class BacklogResourceTest {

    private static final String FIONA = TestTokens.person("finance.fiona", "finance");
    private static final String WALT = TestTokens.person("warehouse.walt", "warehouse");
    private static final String ALICE = TestTokens.ops("ops.alice");

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static void waiting(String role, String key, Instant since) {
        OnVertx.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery(
                                """
                                        insert into {h-schema}exception_item (id, type, owner_role, business_key, summary, status, created_at, updated_at)
                                        values (gen_random_uuid(), :type, :role, :key, :summary, 'OPEN', :since, :since)""")
                        .setParameter("type", "test.backlog." + role)
                        .setParameter("role", role)
                        .setParameter("key", key)
                        .setParameter("summary", "waits since " + since)
                        .setParameter("since", since)
                        .executeUpdate())),
                Duration.ofSeconds(30));
    }

    @Test
    void countsTheOldestAndListsTheItemsForTheOwningRoleOnly() {
        Instant now = Instant.now();
        waiting("finance", "SO-2", now.minus(Duration.ofHours(2)));
        waiting("finance", "SO-1", now.minus(Duration.ofHours(30)));
        waiting("finance", "SO-3", now.minus(Duration.ofMinutes(5)));

        List<Map<String, Object>> all = as(ALICE).get("/ops/backlogs").then().statusCode(200).extract().path("");
        assertThat(all).extracting(backlog -> backlog.get("name"))
                .containsExactly("test-finance-items", "test-warehouse-items");
        Map<String, Object> finance = all.get(0);
        assertThat(finance).containsEntry("count", 3)
                .containsEntry("ownerRole", "finance")
                .containsEntry("items", "/ops/backlogs/test-finance-items");
        assertThat(((Number) finance.get("oldestAgeSeconds")).longValue()).isBetween(30 * 3600L, 30 * 3600L + 120);
        assertThat(all.get(1)).containsEntry("count", 0).containsEntry("oldest", null);

        as(FIONA).get("/ops/backlogs").then().statusCode(200).body("name", equalTo(List.of("test-finance-items")));
        as(WALT).get("/ops/backlogs").then().statusCode(200).body("name", equalTo(List.of("test-warehouse-items")));

        as(FIONA).queryParam("limit", 2)
                .get("/ops/backlogs/test-finance-items")
                .then()
                .statusCode(200)
                .body("item", equalTo(List.of("SO-1", "SO-2")))
                .body("[0].detail", containsString("waits since"));
        as(WALT).get("/ops/backlogs/test-finance-items")
                .then()
                .statusCode(403)
                .body("detail", containsString("owned by 'finance'"));
        as(ALICE).get("/ops/backlogs/no-such-backlog").then().statusCode(404);
        as(ALICE).queryParam("limit", 0).get("/ops/backlogs/test-finance-items").then().statusCode(400);
        as(TestTokens.partner("northwind")).get("/ops/backlogs").then().statusCode(403);
        given().auth().none().get("/ops/backlogs").then().statusCode(401);
    }
}

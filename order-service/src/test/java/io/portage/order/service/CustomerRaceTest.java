package io.portage.order.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * ODOO.md, "Concurrency: Odoo does not serialize you": two clients that search a partner by {@code ref} and create it
 * when none is found, at the same moment, both create it. Hand-overs running side by side - as on several replicas -
 * over orders of the same new customers must still leave exactly one partner per customer: each pass claims its
 * customers' references in PostgreSQL before it looks them up in Odoo. The stand-in lets concurrent calls interleave as
 * Odoo does, and each {@code search_read} of partners takes 300 ms, so the passes' lookups overlap.
 */
@QuarkusTest
@TestProfile(CustomerRaceTest.ConcurrentPasses.class)
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orderrace"))
@QuarkusTestResource(OdooStandinResource.class)
class CustomerRaceTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    /** The scheduled hand-over off (the test runs the passes), four orders per pass. */
    public static class ConcurrentPasses implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portage.orders.hand-over.enabled", "false", "portage.orders.hand-over.batch-size", "4");
        }
    }

    @Inject
    OdooHandOver handOver;

    @AfterEach
    void healOdoo() {
        OdooStandinResource.standin().faults().clear();
    }

    @Test
    void twentyOrdersOfThreeNewCustomersHandedOverByFivePassesAtOnceMakeThreePartners() throws Exception {
        TestTokens.actAsOperator("test-operator");
        given().auth().oauth2(TestTokens.ops("test-ops")).when().post("/ops/odoo-sync/poll").then().statusCode(200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orderIds.add(given().contentType(ContentType.JSON)
                    .body(Map.of("channel", "race-shop", "externalId", run + "-" + i,
                            "customer", Map.of("name", "Customer " + i % 3, "email", "c" + i % 3 + "." + run + "@example.com",
                                    "address", Map.of("street", "1 Harbour Way", "city", "Antwerp", "postalCode",
                                            "2000", "country", "BE")),
                            "lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 1))))
                    .when()
                    .post("/api/v1/orders")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("ACCEPTED"))
                    .extract()
                    .<String>path("id"));
        }
        OdooStandinResource.standin().faults().cost("res.partner", "search_read", Duration.ofMillis(300), Duration.ZERO);

        try (ExecutorService replicas = Executors.newFixedThreadPool(5)) {
            List<CompletableFuture<Integer>> passes = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                passes.add(CompletableFuture.supplyAsync(() -> OnVertx.await(() -> handOver.pass(), WAIT), replicas));
            }
            assertThat(passes.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(20);
        }

        List<Map<String, Object>> partners = OdooStandinResource.standin()
                .records("res.partner")
                .stream()
                .filter(partner -> String.valueOf(partner.get("ref")).startsWith("race-shop:c"))
                .filter(partner -> String.valueOf(partner.get("ref")).endsWith("." + run + "@example.com"))
                .toList();
        assertThat(partners).extracting(partner -> partner.get("ref"))
                .containsExactlyInAnyOrder("race-shop:c0." + run + "@example.com", "race-shop:c1." + run + "@example.com",
                        "race-shop:c2." + run + "@example.com");
        for (String orderId : orderIds) {
            given().when().get("/api/v1/orders/" + orderId).then().statusCode(200).body("status", equalTo("RELEASED"));
        }
        assertThat(OdooStandinResource.standin()
                .records("sale.order")
                .stream()
                .filter(order -> String.valueOf(order.get("client_order_ref")).startsWith("race-shop:" + run + "-")))
                .hasSize(20);
    }
}

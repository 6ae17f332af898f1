package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.ProductRef;
import io.portage.odoo.standin.Fault;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Stock snapshots reconciled against the Odoo stand-in's quants, with real PostgreSQL: verdicts per line, the exception
 * for a person, a quantity Odoo changed after the snapshot never compared or written, bad rows refused whole.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class InventoryReconciliationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** WH/Stock in the stand-in's seed. */
    static final long WH_STOCK = 6;

    @Inject
    OdooOperations odoo;
    @Inject
    OdooClient odooClient;

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @AfterEach
    void healOdoo() {
        OdooStandinResource.standin().faults().clear();
    }

    /** A new product with a quant of {@code quantity} in WH/Stock, last changed at {@code changedAt}; its quant id. */
    int productWithStock(String sku, double quantity, Instant changedAt) {
        long productId = odoo.findOrCreateProduct(new ProductRef(sku, "Counted " + sku, true)).await().atMost(WAIT);
        long quantId = odooClient.calls()
                .create("stock.quant", Map.of("product_id", productId, "location_id", WH_STOCK, "quantity", quantity))
                .await()
                .atMost(WAIT);
        OdooStandinResource.standin().stampWriteDate("stock.quant", (int) quantId, changedAt);
        return (int) quantId;
    }

    static double odooQuantity(int quantId) {
        return OdooStandinResource.standin()
                .records("stock.quant")
                .stream()
                .filter(row -> Integer.valueOf(quantId).equals(row.get("id")))
                .map(row -> ((Number) row.get("quantity")).doubleValue())
                .findFirst()
                .orElseThrow();
    }

    static List<String> reconciliationIds() {
        return given().when()
                .get("/ops/inventory/reconciliations?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }

    @Test
    void aCsvSnapshotIsComparedLineByLineAndDifferencesGoToAPerson() {
        Instant takenAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String differs = "CNT-A-" + suffix;
        String changed = "CNT-B-" + suffix;
        String matches = "CNT-C-" + suffix;
        productWithStock(differs, 7, takenAt.minus(1, ChronoUnit.HOURS));
        int changedQuant = productWithStock(changed, 4, takenAt.plus(5, ChronoUnit.MINUTES));
        productWithStock(matches, 12.5, takenAt.minus(1, ChronoUnit.HOURS));
        String csv = """
                site,sku,location,quantity
                WH,%s,,9
                WH,%s,Stock,3
                WH,%s,WH/Stock,12.5
                WH,NO-SUCH-%s,,1
                WH,%s,Shelf-9,1
                """.formatted(differs, changed, matches, suffix, matches);

        JsonPath report = given().auth()
                .oauth2(TestTokens.ops("alice"))
                .contentType("text/csv")
                .queryParam("source", "acme-wms")
                .queryParam("takenAt", takenAt.toString())
                .body(csv)
                .when()
                .post("/ops/inventory/snapshots")
                .then()
                .statusCode(201)
                .body("lineCount", equalTo(5))
                .body("differenceCount", equalTo(3))
                .body("changedInOdooCount", equalTo(1))
                .body("receivedBy", equalTo("alice"))
                .extract()
                .jsonPath();
        assertThat(report.getList("lines.verdict", String.class)).containsExactly("DIFFERENT",
                "CHANGED_IN_ODOO_SINCE", "MATCH", "UNKNOWN_SKU", "UNKNOWN_LOCATION");
        assertThat(report.getDouble("lines[0].snapshotQty")).isEqualTo(9.0);
        assertThat(report.getDouble("lines[0].odooQty")).isEqualTo(7.0);
        assertThat(report.getDouble("lines[0].difference")).isEqualTo(2.0);
        assertThat(report.getDouble("lines[1].odooQty")).isEqualTo(4.0);
        assertThat(report.getString("lines[1].odooChangedAt")).isEqualTo(takenAt.plus(5, ChronoUnit.MINUTES).toString());
        assertThat(report.getString("lines[3].odooQty")).isNull();
        // The snapshot never overwrites Odoo: the quantity changed since stays Odoo's.
        assertThat(odooQuantity(changedQuant)).isEqualTo(4.0);
        assertThat(OdooStandinResource.standin().calls("stock.quant", "write")).isZero();

        String id = report.getString("id");
        given().when()
                .get("/ops/inventory/reconciliations/" + id)
                .then()
                .statusCode(200)
                .body("lines.sku", hasItems(differs, changed, matches))
                .body("takenAt", equalTo(takenAt.toString()));
        assertThat(reconciliationIds()).contains(id);
        JsonPath exception = given().queryParam("type", "inventory.difference")
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(exception.getString("find { it.businessKey == '" + id + "' }.summary"))
                .contains("3 of 5 lines")
                .contains("acme-wms")
                .contains("1 more changed in Odoo since");
        assertThat(exception.getString("find { it.businessKey == '" + id + "' }.payload")).contains(differs)
                .as("a quantity changed in Odoo since is not for review")
                .doesNotContain(changed);
    }

    @Test
    void aSnapshotWithBadRowsIsRefusedWholeWithEachRowAndField() {
        List<String> before = reconciliationIds();
        String csv = """
                site,sku,location,quantity
                WH,PT-CHAIR-01,,100
                WH,PT-DESK-01,,-2
                WH,,,3
                WH,PT-CHAIR-01,,1
                WH,PT-LAMP-01,,lots
                """;
        given().auth()
                .oauth2(TestTokens.ops("alice"))
                .contentType("text/csv")
                .queryParam("source", "acme-wms")
                .queryParam("takenAt", Instant.now().minusSeconds(60).toString())
                .body(csv)
                .when()
                .post("/ops/inventory/snapshots")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("row[3].quantity", "row[4].sku", "row[5]", "row[6].quantity"));
        given().auth()
                .oauth2(TestTokens.ops("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("source", "acme-3pl", "takenAt", "yesterday", "lines",
                        List.of(Map.of("site", "WH", "sku", "PT-CHAIR-01", "quantity", "1"),
                                Map.of("site", "W H", "sku", "PT-DESK-01", "quantity", "1.2345"))))
                .when()
                .post("/ops/inventory/snapshots")
                .then()
                .statusCode(400)
                .body("violations.field", hasItems("takenAt", "lines[1].site", "lines[1].quantity"));
        // Nobody named (no token), or a partner instead of an operator: refused before anything happens.
        given().auth()
                .none()
                .contentType("text/csv")
                .queryParam("source", "acme-wms")
                .queryParam("takenAt", Instant.now().toString())
                .body("site,sku,quantity\nWH,PT-CHAIR-01,1\n")
                .when()
                .post("/ops/inventory/snapshots")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("acme"))
                .contentType("text/csv")
                .queryParam("source", "acme-wms")
                .queryParam("takenAt", Instant.now().toString())
                .body("site,sku,quantity\nWH,PT-CHAIR-01,1\n")
                .when()
                .post("/ops/inventory/snapshots")
                .then()
                .statusCode(403);
        assertThat(reconciliationIds()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aJsonSnapshotThatMatchesRaisesNothingAndOdooAwayStoresNothing() {
        Instant takenAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        String sku = "CNT-J-" + UUID.randomUUID().toString().substring(0, 8);
        productWithStock(sku, 2, takenAt.minus(1, ChronoUnit.DAYS));
        Map<String, Object> body = Map.of("source", "acme-3pl", "takenAt", takenAt.toString(), "lines",
                List.of(Map.of("site", "WH", "sku", sku, "quantity", "2.000")));
        String id = given().auth()
                .oauth2(TestTokens.ops("bob"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/ops/inventory/snapshots")
                .then()
                .statusCode(201)
                .body("lines[0].verdict", equalTo("MATCH"))
                .body("differenceCount", equalTo(0))
                .extract()
                .path("id");
        given().queryParam("type", "inventory.difference")
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .body("findAll { it.businessKey == '" + id + "' }.size()", equalTo(0));

        List<String> before = reconciliationIds();
        OdooStandinResource.standin().faults().failNext(100_000, Fault.UNAVAILABLE_503);
        given().auth()
                .oauth2(TestTokens.ops("bob"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/ops/inventory/snapshots")
                .then()
                .statusCode(503)
                .body("detail", org.hamcrest.Matchers.containsString("not stored"));
        OdooStandinResource.standin().faults().clear();
        assertThat(reconciliationIds()).containsExactlyInAnyOrderElementsOf(before);
    }
}

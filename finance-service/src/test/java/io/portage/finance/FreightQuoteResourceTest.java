package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
class FreightQuoteResourceTest {

    static Map<String, Object> card(String carrier, String from, String to) {
        Map<String, Object> card = new HashMap<>(Map.of("carrier", carrier, "originCountry", "NL", "destinationCountry", "DE",
                "currency", "EUR", "minimumCharge", 45, "pricePerKg", 0.185, "validFrom", from));
        if (to != null) {
            card.put("validTo", to);
        }
        return card;
    }

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @Test
    void quotesWithTheCardValidOnTheShipDate() {
        String carrier = "Swift-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(card(carrier, "2026-01-01", "2026-06-30"))
                .when()
                .post("/api/v1/rate-cards")
                .then()
                .statusCode(201);
        Map<String, Object> second = card(carrier, "2026-07-01", "2026-12-31");
        second.put("pricePerKg", 0.2);
        given().contentType(ContentType.JSON).body(second).when().post("/api/v1/rate-cards").then().statusCode(201);

        given().queryParam("carrier", carrier)
                .queryParam("from", "NL")
                .queryParam("to", "DE")
                .queryParam("weightKg", 1000)
                .queryParam("shipDate", "2026-03-15")
                .when()
                .get("/api/v1/freight-quotes")
                .then()
                .statusCode(200)
                .body("amount", equalTo(185.0f))
                .body("currency", equalTo("EUR"))
                .body("lane", equalTo("NL-DE"));
        given().queryParam("carrier", carrier)
                .queryParam("from", "NL")
                .queryParam("to", "DE")
                .queryParam("weightKg", 1000)
                .queryParam("shipDate", "2026-11-23")
                .when()
                .get("/api/v1/freight-quotes")
                .then()
                .statusCode(200)
                .body("amount", equalTo(200.0f));
        given().queryParam("carrier", carrier)
                .queryParam("from", "NL")
                .queryParam("to", "DE")
                .queryParam("weightKg", 10)
                .queryParam("shipDate", "2026-03-15")
                .when()
                .get("/api/v1/freight-quotes")
                .then()
                .statusCode(200)
                .body("amount", equalTo(45.0f));
        given().queryParam("carrier", carrier).when().get("/api/v1/rate-cards").then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void overlappingValidityIsAConflict() {
        String carrier = "Swift-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(card(carrier, "2026-01-01", "2026-06-30"))
                .when()
                .post("/api/v1/rate-cards")
                .then()
                .statusCode(201);
        Map<String, Object> openEnded = card(carrier, "2026-06-30", null);
        given().contentType(ContentType.JSON)
                .body(openEnded)
                .when()
                .post("/api/v1/rate-cards")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.portage.io/problems/rate-card-overlap"));
    }

    @Test
    void missingCardAndBadInputAreProblems() {
        given().queryParam("carrier", "Nobody")
                .queryParam("from", "NL")
                .queryParam("to", "DE")
                .queryParam("weightKg", 5)
                .when()
                .get("/api/v1/freight-quotes")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.portage.io/problems/no-rate-card"));
        given().queryParam("carrier", "X")
                .queryParam("from", "Netherlands")
                .queryParam("weightKg", -1)
                .when()
                .get("/api/v1/freight-quotes")
                .then()
                .statusCode(400)
                .body("violations.field", hasItems("from", "to", "weightKg"));
        Map<String, Object> bad = card("X", "2026-05-01", "2026-04-01");
        bad.put("currency", "EURO");
        given().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/v1/rate-cards")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("currency"));
        Map<String, Object> backwards = card("X", "2026-05-01", "2026-04-01");
        given().contentType(ContentType.JSON)
                .body(backwards)
                .when()
                .post("/api/v1/rate-cards")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("validTo"));
        Map<String, Object> unknownCurrency = card("X", "2026-05-01", "2026-06-01");
        unknownCurrency.put("currency", "XYZ");
        given().contentType(ContentType.JSON)
                .body(unknownCurrency)
                .when()
                .post("/api/v1/rate-cards")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("currency"));
    }

    @Test
    void aNulInACarrierIsRefusedNamingIt() {
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/freight-quotes?carrier=A%00B&from=NL&to=DE&weightKg=10")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("carrier"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/rate-cards?carrier=A%00B")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("carrier"));
    }
}

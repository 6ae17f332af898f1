package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.portage.gateway.security.VerifiedTokens;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A token verified once is taken again without its signature check, but never past its expiry nor for another. */
@QuarkusTest
@QuarkusTestResource(StubOrderService.class)
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aVerifiedTokenIsTakenAgainUntilItExpiresAndThenRefused() throws InterruptedException {
        // Long enough for the three calls on a loaded machine (the first verifies the token).
        long expiry = Instant.now().plusSeconds(8).getEpochSecond();
        String token = TestTokens.partner("northwind", "orders:read").claim("exp", expiry).sign();
        me(token).statusCode(200).body("partnerId", equalTo("northwind"));
        long hits = tokens.hits();
        me(token).statusCode(200).body("partnerId", equalTo("northwind"));
        me(token).statusCode(200).body("partnerId", equalTo("northwind"));
        assertThat(tokens.hits()).isEqualTo(hits + 2);

        while (Instant.now().getEpochSecond() <= expiry + 1) {
            Thread.sleep(250);
        }
        me(token).statusCode(401);
    }

    @Test
    void eachTokenAnswersForItsOwnPartnerOnly() {
        String northwind = TestTokens.partner("northwind", "orders:read").sign();
        String contoso = TestTokens.partner("contoso", "orders:read shipments:read").sign();
        for (int i = 0; i < 3; i++) {
            me(northwind).statusCode(200).body("partnerId", equalTo("northwind")).body("scopes.size()", equalTo(1));
            me(contoso).statusCode(200).body("partnerId", equalTo("contoso")).body("scopes.size()", equalTo(2));
        }
    }

    @Test
    void anAlteredCopyOfAVerifiedTokenIsVerifiedAndRefused() {
        String token = TestTokens.partner("northwind", "orders:read").sign();
        me(token).statusCode(200);
        me(token).statusCode(200);

        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + TestTokens.partner("northwind", "orders:read")
                .signedByAStranger()
                .sign()
                .split("\\.")[2];
        me(otherSignature).statusCode(401);
        String otherPayload = parts[0] + "." + TestTokens.partner("contoso", "orders:read").sign().split("\\.")[1] + "."
                + parts[2];
        me(otherPayload).statusCode(401);
        me(token + "x").statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse me(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/me").then();
    }
}

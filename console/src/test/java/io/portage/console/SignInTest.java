package io.portage.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every page needs a signed-in person: the console sends a stranger to Keycloak (authorization code flow with PKCE
 * S256, the public client portage-console); the style sheet and htmx, from its webjar, are served to anyone.
 */
@QuarkusTest
class SignInTest {

    @Test
    void aStrangerIsSentToSignInWithPkce() {
        for (String page : List.of("/", "/exceptions", "/dead-letters", "/exceptions/order-service/"
                + "0b5f9d8e-7c1a-4a53-9a11-5d2f3c4b6a70", "/backlogs", "/backlogs/yard-service/appointments-at-risk",
                "/yard", "/search?q=NW-1001")) {
            String location = given().redirects()
                    .follow(false)
                    .when()
                    .get(page)
                    .then()
                    .statusCode(302)
                    .extract()
                    .header("Location");
            URI redirect = URI.create(location);
            assertThat(redirect.getPath()).isEqualTo("/realms/portage/protocol/openid-connect/auth");
            assertThat(redirect.getQuery()).contains("client_id=portage-console", "response_type=code",
                    "code_challenge_method=S256", "code_challenge=");
        }
    }

    @Test
    void theStyleSheetAndHtmxFromItsWebjarAreServed() {
        given().when().get("/console.css").then().statusCode(200).body(containsString("focus-visible"));
        String htmx = given().when()
                .get(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("portage.console.htmx-path", String.class))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(htmx).contains("htmx");
    }
}

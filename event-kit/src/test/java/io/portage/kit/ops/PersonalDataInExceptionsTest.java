package io.portage.kit.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
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
import io.restassured.path.json.JsonPath;

/**
 * An item's evidence shows personal data to the people who own it (they act on the address or the contact) and to the
 * role personal-data; an operator looking at another role's item reads it masked.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "eventkit"))
class PersonalDataInExceptionsTest {

    private static final String EVIDENCE = """
            {"orderId": "SO-1042", "customer": {"name": "Ada Lovelace", "email": "ada@example.com",
             "street": "12 St James's Square"}, "lines": [{"sku": "PT-LAMP-01", "signedBy": "A. Byron"}],
             "note": "customer asks to call +44 20 7946 0958 or write to ada@example.com"}""";

    @Inject
    ExceptionQueue exceptions;

    private static JsonPath read(String token, UUID id) {
        return given().auth().oauth2(token).when().get("/ops/exceptions/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theOwnersSeeItAndAnOperatorOfAnotherRoleReadsItMasked() {
        ExceptionItem refund = OnVertx.await(() -> Panache.withTransaction(() -> exceptions.raise("test.personal-data",
                "finance", UUID.randomUUID().toString(), "refund for ada@example.com waits", EVIDENCE)),
                Duration.ofSeconds(30));

        given().auth()
                .oauth2(TestTokens.person("finance.fiona", "finance"))
                .get("/ops/exceptions/{id}", refund.id())
                .then()
                .body("summary", equalTo("refund for ada@example.com waits"))
                .body("payload", equalTo(EVIDENCE));

        JsonPath asOperator = read(TestTokens.ops("ops.alice"), refund.id());
        assertThat(asOperator.getString("summary")).isEqualTo("refund for a***@example.com waits");
        JsonPath operator = new JsonPath(asOperator.getString("payload"));
        assertThat(operator.getString("orderId")).isEqualTo("SO-1042");
        assertThat(operator.getString("customer.name")).isEqualTo("A***");
        assertThat(operator.getString("customer.email")).isEqualTo("a***");
        assertThat(operator.getString("customer.street")).isEqualTo("1***");
        assertThat(operator.getString("lines[0].sku")).isEqualTo("PT-LAMP-01");
        assertThat(operator.getString("lines[0].signedBy")).isEqualTo("A***");
        assertThat(operator.getString("note")).doesNotContain("7946", "ada@");

        // An operator who holds personal-data reads it whole.
        given().auth()
                .oauth2(TestTokens.person("ops.dora", "ops", "personal-data"))
                .get("/ops/exceptions/{id}", refund.id())
                .then()
                .statusCode(200)
                .body("payload", equalTo(EVIDENCE));
    }
}

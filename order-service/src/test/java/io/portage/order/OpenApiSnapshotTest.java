package io.portage.order;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OpenApiSnapshot;
import io.portage.testsupport.fuzz.ClientReadyOpenApi;
import io.quarkus.test.junit.QuarkusTest;

/** order-service's API is the one committed in src/test/resources/openapi/order-service.json, which the gateway's clients are checked against. */
@QuarkusTest
class OpenApiSnapshotTest {

    @Test
    void theServedDocumentIsTheCommittedSnapshot() {
        OpenApiSnapshot.check("order-service");
    }

    @Test
    void theDocumentIsOneAClientCanBeGeneratedFrom() {
        // The webhooks check a signature or a token of their own, not an access token.
        ClientReadyOpenApi.check(
                Set.of("POST /webhooks/shopify/{channel}", "POST /webhooks/marketplace/{channel}", "POST /odoo/webhook"));
    }
}

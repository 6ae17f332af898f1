package io.portage.gateway;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.fuzz.ApiFuzz;
import io.portage.testsupport.fuzz.RowCounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the gateway's OpenAPI document, fuzzed in its parameters, headers and bodies. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(StubOrderService.class)
class ApiFuzzTest {

    @Test
    void noHostileRequestGetsAServerErrorOrAnUndeclaredAnswer() {
        // Onboarding needs its Keycloak admin client, which component tests do not have (it answers 503 without it):
        // the onboarding tests against the real Keycloak cover that route (integration-tests).
        ApiFuzz.of("gateway")
                .skip(operation -> operation.path().equals("/api/v1/ops/partners"))
                .rows(RowCounts.of("gateway.idempotency_key", "gateway.webhook_subscription", "gateway.webhook_delivery",
                        "gateway.partner", "gateway.edge_sequence", "gateway.outbox_event"))
                .run();
    }
}

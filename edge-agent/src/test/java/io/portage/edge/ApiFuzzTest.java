package io.portage.edge;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.fuzz.ApiFuzz;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of the edge agent's OpenAPI document, fuzzed in its parameters, headers and bodies: event intake with
 * a device's key, everything else with an operator's (the agent's own keys, not OIDC tokens).
 */
@QuarkusTest
class ApiFuzzTest {

    @Test
    void noHostileRequestGetsAServerErrorOrAnUndeclaredAnswer() {
        ApiFuzz.of("edge-agent")
                .credentials(operation -> !operation.secured()
                        ? null
                        : operation.path().startsWith("/api/v1/events") ? TestKeys.device() : TestKeys.operator())
                .run();
    }
}

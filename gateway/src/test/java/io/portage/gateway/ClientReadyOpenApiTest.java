package io.portage.gateway;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.fuzz.ClientReadyOpenApi;
import io.quarkus.test.junit.QuarkusTest;

/** The partners' OpenAPI document is one a client can be generated from. */
@QuarkusTest
class ClientReadyOpenApiTest {

    @Test
    void theDocumentIsOneAClientCanBeGeneratedFrom() {
        ClientReadyOpenApi.check(Set.of());
    }
}

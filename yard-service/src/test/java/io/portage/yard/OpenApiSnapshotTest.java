package io.portage.yard;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OpenApiSnapshot;
import io.portage.testsupport.fuzz.ClientReadyOpenApi;
import io.quarkus.test.junit.QuarkusTest;

/** yard-service's API is the one committed in src/test/resources/openapi/yard-service.json, which the gateway's clients are checked against. */
@QuarkusTest
class OpenApiSnapshotTest {

    @Test
    void theServedDocumentIsTheCommittedSnapshot() {
        OpenApiSnapshot.check("yard-service");
    }

    @Test
    void theDocumentIsOneAClientCanBeGeneratedFrom() {
        ClientReadyOpenApi.check(Set.of());
    }
}

package io.portage.finance;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OpenApiSnapshot;
import io.portage.testsupport.fuzz.ClientReadyOpenApi;
import io.quarkus.test.junit.QuarkusTest;

/** finance-service's API is the one committed in src/test/resources/openapi/finance-service.json, a change to which is made on purpose. */
@QuarkusTest
class OpenApiSnapshotTest {

    @Test
    void theServedDocumentIsTheCommittedSnapshot() {
        OpenApiSnapshot.check("finance-service");
    }

    @Test
    void theDocumentIsOneAClientCanBeGeneratedFrom() {
        ClientReadyOpenApi.check(Set.of());
    }
}

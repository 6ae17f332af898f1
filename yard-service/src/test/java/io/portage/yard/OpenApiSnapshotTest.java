package io.portage.yard;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OpenApiSnapshot;
import io.quarkus.test.junit.QuarkusTest;

/** yard-service's API is the one committed in src/test/resources/openapi/yard-service.json, which the gateway's clients are checked against. */
@QuarkusTest
class OpenApiSnapshotTest {

    @Test
    void theServedDocumentIsTheCommittedSnapshot() {
        OpenApiSnapshot.check("yard-service");
    }
}

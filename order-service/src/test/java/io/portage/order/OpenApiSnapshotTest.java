package io.portage.order;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OpenApiSnapshot;
import io.quarkus.test.junit.QuarkusTest;

/** order-service's API is the one committed in src/test/resources/openapi/order-service.json, which the gateway's clients are checked against. */
@QuarkusTest
class OpenApiSnapshotTest {

    @Test
    void theServedDocumentIsTheCommittedSnapshot() {
        OpenApiSnapshot.check("order-service");
    }
}

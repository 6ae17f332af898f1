package io.portage.shipment;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OpenApiSnapshot;
import io.portage.testsupport.fuzz.ClientReadyOpenApi;
import io.quarkus.test.junit.QuarkusTest;

/** shipment-service's API is the one committed in src/test/resources/openapi/shipment-service.json, which the gateway's clients are checked against. */
@QuarkusTest
class OpenApiSnapshotTest {

    @Test
    void theServedDocumentIsTheCommittedSnapshot() {
        OpenApiSnapshot.check("shipment-service");
    }

    @Test
    void theDocumentIsOneAClientCanBeGeneratedFrom() {
        // The carriers' and the TMS's webhooks are signed with their own secret, not an access token.
        ClientReadyOpenApi.check(Set.of("POST /webhooks/carriers/{carrier}", "POST /webhooks/tms"));
    }
}

package io.portage.edi;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OpenApiSnapshot;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.fuzz.ClientReadyOpenApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** edi-gateway's API is the one committed in src/test/resources/openapi/edi-gateway.json. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "edi"))
@QuarkusTestResource(SftpPartners.class)
class OpenApiSnapshotTest {

    @Test
    void theServedDocumentIsTheCommittedSnapshot() {
        OpenApiSnapshot.check("edi-gateway");
    }

    @Test
    void theDocumentIsOneAClientCanBeGeneratedFrom() {
        ClientReadyOpenApi.check(Set.of());
    }
}

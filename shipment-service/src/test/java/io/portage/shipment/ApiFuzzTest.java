package io.portage.shipment;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.fuzz.ApiFuzz;
import io.portage.testsupport.fuzz.RowCounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of shipment-service's OpenAPI document, fuzzed in its parameters, headers and bodies. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
class ApiFuzzTest {

    @Test
    void noHostileRequestGetsAServerErrorOrAnUndeclaredAnswer() {
        ApiFuzz.of("shipment-service").rows(RowCounts.of("shipments.shipment")).run();
    }
}

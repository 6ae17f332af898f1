package io.portage.yard;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.fuzz.ApiFuzz;
import io.portage.testsupport.fuzz.RowCounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of yard-service's OpenAPI document, fuzzed in its parameters, headers and bodies. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class ApiFuzzTest {

    @Test
    void noHostileRequestGetsAServerErrorOrAnUndeclaredAnswer() {
        ApiFuzz.of("yard-service")
                .rows(RowCounts.of("yard.dock_appointment", "yard.yard_site", "yard.idempotency_record", "yard.yard_visit",
                        "yard.carrier_detention", "yard.receipt_line"))
                .run();
    }
}

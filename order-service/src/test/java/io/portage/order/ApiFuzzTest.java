package io.portage.order;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.fuzz.ApiFuzz;
import io.portage.testsupport.fuzz.RowCounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of order-service's OpenAPI document, fuzzed in its parameters, headers and bodies. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class ApiFuzzTest {

    @Test
    void noHostileRequestGetsAServerErrorOrAnUndeclaredAnswer() {
        ApiFuzz.of("order-service")
                .rows(RowCounts.of("orders.customer_order", "orders.order_line", "orders.channel_sku",
                        "orders.inventory_reconciliation", "orders.inventory_reconciliation_line"))
                .run();
    }
}

package io.portage.finance;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.fuzz.ApiFuzz;
import io.portage.testsupport.fuzz.RowCounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of finance-service's OpenAPI document, fuzzed in its parameters, headers and bodies. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
class ApiFuzzTest {

    @Test
    void noHostileRequestGetsAServerErrorOrAnUndeclaredAnswer() {
        ApiFuzz.of("finance-service")
                .credentials(operation -> !operation.secured()
                        ? null
                        : operation.scopes().contains("finance")
                                ? FinanceTokens.finance("fuzz-finance")
                                : operation.scopes().contains("finance-approver")
                                        ? FinanceTokens.approver("fuzz-approver")
                                        : ApiFuzz.defaultCredentials(operation))
                .rows(RowCounts.of("finance.rate_card", "finance.carrier_terms", "finance.audit_batch",
                        "finance.carrier_invoice",
                        "finance.carrier_invoice_line", "finance.exception_item", "finance.posting", "finance.invoice_policy",
                        "finance.order_invoice", "finance.refund"))
                .run();
    }
}

package io.portage.finance;

import java.util.List;
import java.util.Map;

import io.portage.testsupport.TestTokens;

/** Tokens of finance people (realm role {@code finance}, no partner) for finance-service's tests. */
final class FinanceTokens {

    private FinanceTokens() {
    }

    static String finance(String name) {
        return TestTokens.operator(name).claim("realm_access", Map.of("roles", List.of("finance"))).sign();
    }

    /** A finance approver (realm role {@code finance-approver}). */
    static String approver(String name) {
        return TestTokens.operator(name).claim("realm_access", Map.of("roles", List.of("finance-approver"))).sign();
    }
}

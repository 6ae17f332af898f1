package io.portage.finance.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Callers;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who calls finance's endpoints: a finance person (realm role {@value #FINANCE_ROLE}, checked by the HTTP policy and
 * here), or a carrier (a partner token; event-kit's {@link Callers}) where carriers are let in.
 */
@RequestScoped
public class FinanceCallers {

    /** The realm role of finance people. */
    public static final String FINANCE_ROLE = "finance";
    /** The realm role of those who approve refunds above the threshold. */
    public static final String APPROVER_ROLE = "finance-approver";
    /** The scope a carrier's client needs to send its invoices. */
    public static final String INVOICES_WRITE = "invoices:write";

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private final Callers callers;

    public FinanceCallers(JsonWebToken token, SecurityIdentity identity, Callers callers) {
        this.token = token;
        this.identity = identity;
        this.callers = callers;
    }

    /** Whether the caller holds the finance realm role. */
    public boolean finance() {
        return !identity.isAnonymous() && identity.hasRole(FINANCE_ROLE);
    }

    /** The finance person calling, by name; 403 for anyone else. */
    public String financeActor() {
        if (!finance()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "This call is for finance (realm role '"
                    + FINANCE_ROLE + "')");
        }
        String name = token.getClaim("preferred_username");
        return name != null ? name : token.getClaim("azp");
    }

    /** The finance approver calling (realm role {@code finance-approver}), by name; 403 for anyone else. */
    public String approver() {
        if (identity.isAnonymous() || !identity.hasRole(APPROVER_ROLE)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "This call is for finance approvers (realm role '"
                    + APPROVER_ROLE + "')");
        }
        return name();
    }

    /** A finance person or approver, by name; 403 for anyone else. */
    public String financeOrApprover() {
        return finance() ? financeActor() : approver();
    }

    private String name() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : token.getClaim("azp");
    }

    /**
     * The carrier a partner's token acts for (its partner claim), with the scope to send invoices; 403 without it, and
     * for a token naming no partner (an operator is not a carrier).
     */
    public String carrier() {
        var caller = callers.current();
        if (caller.operator() || caller.partnerId() == null) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Carrier invoices are sent with a carrier's partner"
                    + " token (scope '" + INVOICES_WRITE + "') or entered by finance (realm role '" + FINANCE_ROLE + "')");
        }
        return caller.requireScope(INVOICES_WRITE).partnerId();
    }
}

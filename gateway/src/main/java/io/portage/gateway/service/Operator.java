package io.portage.gateway.service;

import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.ForbiddenException;

import io.portage.kit.security.Caller;

/**
 * A person calling the operations API, as the verified token says: the user name (or the operations client's service
 * account), the realm roles and the granted scopes. Operators (role {@code ops}) reach all of it; the people whose
 * role owns exception items (finance, warehouse) reach the exception queues and the backlogs, where each service shows
 * them their own.
 */
public record Operator(String name, Set<String> roles, Set<String> scopes) {

    public static final String ROLE = "ops";
    public static final String SCOPE = "ops";
    public static final String WAREHOUSE = "warehouse";

    /** Refuses the call (403) unless the token carries both the {@code ops} role and the {@code ops} scope. */
    public Operator requireOps() {
        if (!roles.contains(ROLE) || !scopes.contains(SCOPE)) {
            throw new ForbiddenException("Operations calls need the 'ops' role and the 'ops' scope; the token has roles "
                    + roles + " and scopes " + scopes);
        }
        return this;
    }

    /**
     * Refuses the call (403) unless the token carries the {@code ops} scope and a role that owns exception items
     * ({@link Caller#EXCEPTION_OWNERS}); which items are theirs the service decides.
     */
    public Operator requireExceptionOwner() {
        if (!scopes.contains(SCOPE) || roles.stream().noneMatch(Caller.EXCEPTION_OWNERS::contains)) {
            throw new ForbiddenException("Exception queues need the 'ops' scope and one of the roles "
                    + new TreeSet<>(Caller.EXCEPTION_OWNERS) + "; the token has roles " + roles + " and scopes " + scopes);
        }
        return this;
    }

    /**
     * Refuses the call (403) unless the token carries the {@code ops} scope and the {@code ops} or {@code warehouse}
     * role: the yard board and a trailer's visits.
     */
    public Operator requireYard() {
        if (!scopes.contains(SCOPE) || !(roles.contains(ROLE) || roles.contains(WAREHOUSE))) {
            throw new ForbiddenException("The yard board needs the 'ops' scope and the role 'ops' or 'warehouse'; the "
                    + "token has roles " + roles + " and scopes " + scopes);
        }
        return this;
    }

    /**
     * What {@code resource} of the operations API needs: exceptions and backlogs their owners, everything else an
     * operator.
     */
    public Operator requireFor(String resource) {
        return OpsRouting.OWNED.contains(resource) ? requireExceptionOwner() : requireOps();
    }
}

package io.portage.gateway.service;

import java.util.Set;

import jakarta.ws.rs.ForbiddenException;

/**
 * An operator calling the operations API, as the verified token says: the person's user name (or the operations
 * client's service account), the realm roles and the granted scopes.
 */
public record Operator(String name, Set<String> roles, Set<String> scopes) {

    public static final String ROLE = "ops";
    public static final String SCOPE = "ops";

    /** Refuses the call (403) unless the token carries both the {@code ops} role and the {@code ops} scope. */
    public Operator requireOps() {
        if (!roles.contains(ROLE) || !scopes.contains(SCOPE)) {
            throw new ForbiddenException("Operations calls need the 'ops' role and the 'ops' scope; the token has roles "
                    + roles + " and scopes " + scopes);
        }
        return this;
    }
}

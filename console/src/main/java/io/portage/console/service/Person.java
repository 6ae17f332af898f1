package io.portage.console.service;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;

import io.portage.console.model.Viewer;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person: name and realm roles (from the access token Keycloak issued to the console), and that token,
 * which every call to the gateway carries. Roles decide what the console shows; the gateway and the services decide
 * again what the person may see and do.
 */
@RequestScoped
public class Person {

    public static final String OPS = "ops";

    private final SecurityIdentity identity;

    public Person(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    /** The person's realm roles, without Keycloak's own defaults ({@code default-roles-*}, offline access, UMA). */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.removeIf(role -> role.startsWith("default-roles-") || role.equals("offline_access")
                || role.equals("uma_authorization"));
        return roles;
    }

    public boolean operator() {
        return identity.hasRole(OPS);
    }

    /** Whether the person may work on exception items owned by {@code ownerRole}. */
    public boolean owns(String ownerRole) {
        return operator() || identity.hasRole(ownerRole);
    }

    public Viewer viewer() {
        return new Viewer(name(), roles(), operator());
    }

    public String token() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new IllegalStateException("The session holds no access token");
        }
        return credential.getToken();
    }
}

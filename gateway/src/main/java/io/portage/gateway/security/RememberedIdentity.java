package io.portage.gateway.security;

import java.security.Permission;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * An identity verified on an earlier call, for this call: everything as it was verified, except the request it
 * belongs to ({@code RoutingContext} attribute), and marked as taken from {@link VerifiedTokens}.
 */
final class RememberedIdentity implements SecurityIdentity {

    static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private final SecurityIdentity verified;
    private final RoutingContext request;

    RememberedIdentity(SecurityIdentity verified, RoutingContext request) {
        this.verified = verified;
        this.request = request;
    }

    static boolean isRemembered(SecurityIdentity identity) {
        return identity instanceof RememberedIdentity;
    }

    @Override
    public Principal getPrincipal() {
        return verified.getPrincipal();
    }

    @Override
    public boolean isAnonymous() {
        return verified.isAnonymous();
    }

    @Override
    public Set<String> getRoles() {
        return verified.getRoles();
    }

    @Override
    public boolean hasRole(String role) {
        return verified.hasRole(role);
    }

    @Override
    public Set<Permission> getPermissions() {
        return verified.getPermissions();
    }

    @Override
    public <T extends Credential> T getCredential(Class<T> type) {
        return verified.getCredential(type);
    }

    @Override
    public Set<Credential> getCredentials() {
        return verified.getCredentials();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        return ROUTING_CONTEXT.equals(name) ? (T) request : verified.getAttribute(name);
    }

    @Override
    public Map<String, Object> getAttributes() {
        Map<String, Object> attributes = new HashMap<>(verified.getAttributes());
        if (request == null) {
            attributes.remove(ROUTING_CONTEXT);
        } else {
            attributes.put(ROUTING_CONTEXT, request);
        }
        return attributes;
    }

    @Override
    public Uni<Boolean> checkPermission(Permission permission) {
        return verified.checkPermission(permission);
    }
}

package io.portage.gateway.audit;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.service.TokenClaims;
import io.portage.kit.ops.AuditLog;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Records every write call of an authenticated caller under {@code /api/v1} in the audit trail (event-kit's
 * {@code ops_audit}, read at {@code GET /ops/audit} with the ops role): who (partner, or the operator), which route,
 * the answer's status, the OAuth client and the correlation id. The answer waits for the record, so a write the
 * caller saw answered is in the trail; if the trail cannot be written the answer still goes out and the failure is
 * logged (an audit outage must not stop partners' orders).
 */
public class WriteAudit {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final CorrelationContext correlation;
    private final String partnerClaim;

    public WriteAudit(AuditLog audit, SecurityIdentity identity, JsonWebToken token, CorrelationContext correlation,
            GatewayConfig config) {
        this.audit = audit;
        this.identity = identity;
        this.token = token;
        this.correlation = correlation;
        this.partnerClaim = config.partnerClaim();
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        // As sent, still percent-encoded: a decoded %00 cannot be stored (PostgreSQL text holds no NUL).
        String path = "/" + stripSlash(request.getUriInfo().getRequestUri().getRawPath());
        if (!WRITES.contains(request.getMethod()) || !path.startsWith("/api/v1/") || identity.isAnonymous()) {
            return Uni.createFrom().voidItem();
        }
        Object partner = TokenClaims.of(token).getClaim(partnerClaim);
        String actor = partner == null
                ? "user:" + identity.getPrincipal().getName()
                : "partner:" + partner.toString().replace("\"", "");
        Object client = token.getClaim("azp");
        String action = truncate(request.getMethod() + " " + path, 60);
        String outcome = Integer.toString(response.getStatus());
        String detail = "client " + (client == null ? "-" : client.toString().replace("\"", ""));
        return Panache.withTransaction(() -> audit.record(truncate(actor, 100), action, truncate(path, 200), outcome,
                detail, correlation.id()))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    Log.errorf("Audit record of %s %s by %s not written: %s", request.getMethod(), path, actor, failure);
                    return Uni.createFrom().voidItem();
                });
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

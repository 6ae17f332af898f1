package io.portage.gateway.versions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.portage.gateway.config.GatewayConfig;
import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.Problem;

/**
 * The deprecation policy: a deprecated version or route keeps answering, marked with {@code Deprecation} (RFC 9745,
 * {@code @<unix seconds>}), {@code Sunset} (RFC 8594, an HTTP date) and {@code Link: <successor>;
 * rel="successor-version"}, until its sunset; after it, every call is {@code 410 Gone} with the successor named.
 */
public class DeprecationFilter {

    private static final String MATCHED = DeprecationFilter.class.getName() + ".matched";

    private final Map<String, GatewayConfig.Deprecation> deprecations;
    private final CorrelationContext correlation;

    public DeprecationFilter(GatewayConfig config, CorrelationContext correlation) {
        this.deprecations = config.deprecations();
        this.correlation = correlation;
    }

    @ServerRequestFilter(preMatching = true)
    public Response gone(ContainerRequestContext request) {
        if (deprecations.isEmpty()) {
            return null;
        }
        String path = "/" + stripSlash(request.getUriInfo().getPath());
        for (Map.Entry<String, GatewayConfig.Deprecation> entry : deprecations.entrySet()) {
            String prefix = entry.getKey();
            if (covers(prefix, path)) {
                GatewayConfig.Deprecation deprecation = entry.getValue();
                request.setProperty(MATCHED, deprecation);
                if (!Instant.now().isBefore(deprecation.sunset())) {
                    Problem problem = new Problem(Problem.type("gone"), "Gone", 410,
                            prefix + " was retired on " + deprecation.sunset()
                                    + deprecation.successor().map(s -> "; use " + s).orElse(""),
                            Problem.instance(path), correlation.id(), null);
                    Response.ResponseBuilder gone = Response.status(410).type(Problem.MEDIA_TYPE).entity(problem);
                    deprecation.successor().ifPresent(s -> gone.header("Link", "<" + s + ">; rel=\"successor-version\""));
                    return gone.build();
                }
                return null;
            }
        }
        return null;
    }

    @ServerResponseFilter
    public void announce(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(MATCHED) instanceof GatewayConfig.Deprecation deprecation && response.getStatus() != 410) {
            response.getHeaders().putSingle("Deprecation", "@" + deprecation.since().getEpochSecond());
            response.getHeaders()
                    .putSingle("Sunset",
                            DateTimeFormatter.RFC_1123_DATE_TIME.format(deprecation.sunset().atOffset(ZoneOffset.UTC)));
            deprecation.successor()
                    .ifPresent(successor -> response.getHeaders()
                            .add("Link",
                                    "<" + successor + ">; rel=\"successor-version\""));
        }
    }

    /** Whether the deprecated route {@code prefix} covers {@code path}: the route itself or a path below it. */
    public static boolean covers(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}

package io.portage.gateway.reliability;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * Names the route template of the REST resource method a request matched ({@code POST /api/v1/orders},
 * {@code GET /api/v1/shipments/{id}/timeline}) for {@link TrafficRecording}, before any other filter may refuse it.
 */
public class RouteTemplates {

    private static final Pattern PARAMETER_PATTERN = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*:[^}]*}");

    private final Map<Method, String> paths = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = 1)
    public void name(ResourceInfo resource, RoutingContext context) {
        Method method = resource.getResourceMethod();
        if (method != null) {
            TrafficRecording.route(context, context.request().method().name() + " "
                    + paths.computeIfAbsent(method, m -> path(resource.getResourceClass(), m)));
        }
    }

    /** The class's and the method's {@code @Path} joined, parameters without their patterns. */
    static String path(Class<?> type, Method method) {
        Path base = type.getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String joined = "/" + (base == null ? "" : base.value()) + "/" + (own == null ? "" : own.value());
        String path = PARAMETER_PATTERN.matcher(joined.replaceAll("/+", "/")).replaceAll("{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

package io.portage.gateway.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * An API interface of a downstream whose {@code @GET} methods go over the service's pooled Vert.x HTTP client, with the
 * path, query and headers the method's annotations declare (what {@code ClientContractTest} checks), the answer's body
 * read once as text; its other methods (and GETs with other arguments, such as the operations API's relayed query) go
 * to the REST client. Partners' reads are the gateway's busy path: this spares them the REST client's per-call work.
 */
final class DirectReads implements InvocationHandler {

    /** A {@code @GET} method as a request template: where each argument goes. */
    private record Get(String path, String accept, String[] kinds, String[] names) {

        static Get of(Class<?> api, Method method) {
            Path own = method.getAnnotation(Path.class);
            String path = api.getAnnotation(Path.class).value() + (own == null ? "" : own.value());
            Produces produces = api.getAnnotation(Produces.class);
            Parameter[] parameters = method.getParameters();
            String[] kinds = new String[parameters.length];
            String[] names = new String[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                Parameter parameter = parameters[i];
                if (parameter.isAnnotationPresent(PathParam.class)) {
                    kinds[i] = "path";
                    names[i] = parameter.getAnnotation(PathParam.class).value();
                } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                    kinds[i] = "query";
                    names[i] = parameter.getAnnotation(QueryParam.class).value();
                } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
                    kinds[i] = "header";
                    names[i] = parameter.getAnnotation(HeaderParam.class).value();
                } else {
                    return null;
                }
            }
            return new Get(path, produces == null ? null : String.join(", ", produces.value()), kinds, names);
        }

        RequestOptions request(URI base, Object[] args) {
            String path = this.path;
            StringBuilder query = new StringBuilder();
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET);
            for (int i = 0; i < kinds.length; i++) {
                if (args[i] == null) {
                    continue;
                }
                String value = String.valueOf(args[i]);
                switch (kinds[i]) {
                    case "path" -> path = path.replace("{" + names[i] + "}", encoded(value).replace("+", "%20"));
                    case "query" -> query.append(query.isEmpty() ? '?' : '&')
                            .append(encoded(names[i]))
                            .append('=')
                            .append(encoded(value));
                    default -> options.putHeader(names[i], value);
                }
            }
            if (accept != null) {
                options.putHeader(HttpHeaders.ACCEPT, accept);
            }
            String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            boolean ssl = "https".equalsIgnoreCase(base.getScheme());
            return options.setHost(base.getHost())
                    .setPort(base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80)
                    .setSsl(ssl)
                    .setURI(prefix + path + query);
        }

        private static String encoded(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private final Object restClient;
    private final Map<Method, Get> gets;
    private final Supplier<HttpClient> http;
    private final URI base;
    private final long timeoutMillis;

    private DirectReads(Object restClient, Map<Method, Get> gets, Supplier<HttpClient> http, URI base,
            long timeoutMillis) {
        this.restClient = restClient;
        this.gets = gets;
        this.http = http;
        this.base = base;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * {@code api} with its GETs over the client {@code http} gives (the calling event loop's) to {@code base} and
     * everything else to {@code restClient}.
     */
    static <A> A over(Class<A> api, A restClient, Supplier<HttpClient> http, URI base, long timeoutMillis) {
        Map<Method, Get> gets = new HashMap<>();
        for (Method method : api.getMethods()) {
            Get get = method.isAnnotationPresent(GET.class) ? Get.of(api, method) : null;
            if (get != null) {
                gets.put(method, get);
            }
        }
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api},
                new DirectReads(restClient, gets, http, base, timeoutMillis)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Get get = gets.get(method);
        if (get == null) {
            try {
                return method.invoke(restClient, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        RequestOptions options = get.request(base, args).setIdleTimeout(timeoutMillis);
        return Uni.createFrom()
                .<Response>emitter(emitter -> http.get()
                        .request(options)
                        .compose(HttpClientRequest::send)
                        .compose(response -> response.body().map(body -> answer(response, body)))
                        .onComplete(done -> {
                            if (done.succeeded()) {
                                emitter.complete(done.result());
                            } else {
                                emitter.fail(done.cause());
                            }
                        }));
    }

    /**
     * The service's answer: status, headers and body (relayed as {@code Relayed} says): text as a string, a document
     * (an image, a PDF) as its bytes.
     */
    private static Response answer(HttpClientResponse response, Buffer body) {
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean document = type != null && (type.startsWith("image/") || type.startsWith("application/pdf")
                || type.startsWith("application/octet-stream"));
        Response.ResponseBuilder answer = Response.status(response.statusCode())
                .entity(body.length() == 0 ? null : document ? body.getBytes() : body.toString(StandardCharsets.UTF_8));
        response.headers().forEach(header -> answer.header(header.getKey(), header.getValue()));
        return answer.build();
    }
}

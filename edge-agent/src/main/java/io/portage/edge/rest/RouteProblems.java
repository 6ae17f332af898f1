package io.portage.edge.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.kit.rest.Problem;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem answers sent by the agent's Vert.x route handlers (the door, the intake budget) before a request reaches
 * JAX-RS, with an {@code instance} that is a valid URI whatever the request's path holds.
 */
final class RouteProblems {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RouteProblems() {
    }

    static void send(RoutingContext context, ObjectMapper json, int status, String slug, String title, String detail,
            Map<String, String> headers) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, instance(context.request().path()), null,
                null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
            Log.debugf(e, "Could not write the %d problem", status);
        }
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body);
    }

    /**
     * The request's path as a relative URI: what is legal in a path is kept (a valid {@code %XX} escape too), every
     * other character (a space, a quote, {@code <}, {@code {}, {@code |}, a backslash, a control character, a lone
     * {@code %}, anything beyond ASCII) is percent-encoded as UTF-8, so {@link URI#create} never throws on it.
     */
    static URI instance(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return URI.create("/");
        }
        StringBuilder safe = new StringBuilder(rawPath.length() + 16);
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length() && isHex(rawPath.charAt(i + 1)) && isHex(rawPath.charAt(i + 2))) {
                safe.append(c);
            } else if (legalInPath(c)) {
                safe.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < rawPath.length() ? i + 2 : i + 1;
                for (byte b : rawPath.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i = end - 1;
            }
        }
        // A first segment with a colon would read as a scheme: "./" keeps the reference relative.
        String text = safe.toString();
        int colon = text.indexOf(':');
        if (colon >= 0 && (text.indexOf('/') < 0 || colon < text.indexOf('/'))) {
            text = "./" + text;
        }
        return URI.create(text);
    }

    private static boolean legalInPath(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}

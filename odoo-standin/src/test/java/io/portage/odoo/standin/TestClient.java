package io.portage.odoo.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A bare HTTP client for the stand-in's three protocols, as the tests' view of the wire. */
final class TestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    Duration timeout = Duration.ofSeconds(20);

    TestClient(OdooStandin standin) {
        this.baseUrl = standin.baseUrl();
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole JSON-RPC response envelope of a call to {@code /jsonrpc}. */
    Map<String, Object> jsonRpc(String service, String method, Object... args) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("method", method);
        params.put("args", List.of(args));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("method", "call");
        body.put("params", params);
        body.put("id", 7);
        HttpResponse<String> response = post("/jsonrpc", "application/json", write(body));
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    Map<String, Object> executeKw(String password, String model, String method, List<?> args, Map<String, ?> kwargs) {
        return jsonRpc("object", "execute_kw", "portage", 2, password, model, method, args, kwargs);
    }

    /** The result of an {@code execute_kw} as the bot, failing the test on an error. */
    Object call(String model, String method, List<?> args, Map<String, ?> kwargs) {
        Map<String, Object> response = executeKw("bot-password", model, method, args, kwargs);
        if (response.containsKey("error")) {
            throw new AssertionError("unexpected error: " + response.get("error"));
        }
        return response.get("result");
    }

    /** The {@code error.data} of an {@code execute_kw} as the bot that must fail. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fail(String model, String method, List<?> args, Map<String, ?> kwargs) {
        Map<String, Object> response = executeKw("bot-password", model, method, args, kwargs);
        if (!response.containsKey("error")) {
            throw new AssertionError("expected an error, got " + response.get("result"));
        }
        return (Map<String, Object>) ((Map<String, Object>) response.get("error")).get("data");
    }

    /** {@code model.method(ids)} with {@code context}, as the bot. */
    Object callWith(Map<String, ?> context, String model, String method, Object ids) {
        return call(model, method, List.of(ids), Map.of("context", context));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> searchRead(String model, List<?> domain, String... fields) {
        return (List<Map<String, Object>>) call(model, "search_read", List.of(domain), Map.of("fields",
                List.of(fields), "order", "id"));
    }

    Object call(String model, String method, Object... args) {
        return call(model, method, List.of(args), Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> readOne(String model, int id, String... fields) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) call(model, "read", List.of(List.of(id),
                List.of(fields)), Map.of());
        return rows.get(0);
    }

    HttpResponse<String> json2(String model, String method, Map<String, ?> body, String key) {
        return post("/json/2/" + model + "/" + method, "application/json", write(body), "Authorization",
                "bearer " + key, "X-Odoo-Database", "portage");
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object readAny(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

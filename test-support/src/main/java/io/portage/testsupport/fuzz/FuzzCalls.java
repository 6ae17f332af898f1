package io.portage.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.testsupport.Fuzz;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The requests {@link ApiFuzz} sends to one operation: valid values first, then each parameter in turn given hostile
 * ones, mutated and hostile bodies, and the door tried without valid credentials.
 */
final class FuzzCalls {

    private final int valuesPerParameter;
    private final int bodiesPerOperation;
    private final Function<ApiOperation, String> credentials;

    FuzzCalls(int valuesPerParameter, int bodiesPerOperation, Function<ApiOperation, String> credentials) {
        this.valuesPerParameter = valuesPerParameter;
        this.bodiesPerOperation = bodiesPerOperation;
        this.credentials = credentials;
    }

    /** One request: values by parameter name (decoded), the body, and whether it carries credentials. */
    record Call(Map<String, String> values, String body, String fuzzed, boolean authorized, String token) {
    }

    List<Call> calls(JsonNode document, ApiOperation operation, Random random) {
        Map<String, String> valid = new LinkedHashMap<>();
        operation.parameters().forEach(p -> valid.put(p.name(), HostileValues.valid(p.schema())));
        JsonNode sample = operation.bodySchema() == null ? null : ApiOperation.sample(document, operation.bodySchema(), 0);
        String validBody = sample == null ? null : bodyFor(operation, sample);
        String token = credentials.apply(operation);
        List<Call> calls = new ArrayList<>();
        calls.add(new Call(valid, validBody, "nothing", true, token));
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            List<String> from = parameter.in().equals("header") ? HostileValues.HEADER : HostileValues.TEXT;
            for (String value : HostileValues.pick(from, valuesPerParameter, random)) {
                if (parameter.in().equals("path") && value.isEmpty()) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>(valid);
                values.put(parameter.name(), value);
                calls.add(new Call(values, validBody, parameter.in() + " " + parameter.name(), true, token));
            }
        }
        if (sample != null && sample.isObject() && isJson(operation)) {
            for (int i = 0; i < bodiesPerOperation; i++) {
                calls.add(new Call(valid, Fuzz.mutate(sample, random), "body", true, token));
            }
        }
        if (sample != null) {
            for (String text : HostileValues.pick(HostileValues.TEXT, 3, random)) {
                calls.add(new Call(valid, text, "body", true, token));
            }
        }
        if (operation.secured()) {
            calls.add(new Call(valid, validBody, "credentials (none)", false, null));
            calls.add(new Call(valid, validBody, "credentials (not a token)", false, "not-a-jwt"));
        }
        return calls;
    }

    private static boolean isJson(ApiOperation operation) {
        return operation.consumes().get(0).contains("json");
    }

    private static String bodyFor(ApiOperation operation, JsonNode sample) {
        if (isJson(operation)) {
            return sample.toString();
        }
        return sample.isTextual() ? sample.asText() : sample.toString();
    }

    static RequestSpecification request(ApiOperation operation, Call call) {
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(false);
        request = call.token() == null ? request.auth().none() : request.auth().oauth2(call.token());
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            String value = call.values().get(parameter.name());
            if (parameter.in().equals("header") && value != null) {
                request = request.header(parameter.name(), value);
            }
        }
        if (call.body() != null) {
            request = request.contentType(operation.consumes().get(0)).body(call.body().getBytes(StandardCharsets.UTF_8));
        }
        return request;
    }

    static String target(ApiOperation operation, Map<String, String> values) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            String value = values.get(parameter.name());
            switch (parameter.in()) {
                case "path" -> path = path.replace("{" + parameter.name() + "}", encode(value));
                case "query" -> query.append(query.isEmpty() ? '?' : '&')
                        .append(encode(parameter.name()))
                        .append('=')
                        .append(encode(value));
                default -> {
                }
            }
        }
        return path + query;
    }

    /** Percent-encodes every UTF-8 byte but the unreserved characters, as a careful client does. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
            }
        }
        return encoded.toString();
    }

}

package io.portage.testsupport.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;

/**
 * One operation of a service's OpenAPI document, as the fuzz harness uses it: its parameters, the body it consumes, the
 * security it declares and the answers (status and media types) it declares.
 */
public record ApiOperation(String method, String path, String operationId, List<Parameter> parameters,
        List<String> consumes, JsonNode bodySchema, List<String> scopes, boolean secured,
        Map<String, Set<String>> responses) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A declared path, query or header parameter. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** Every operation of {@code document}, in the document's order. */
    public static List<ApiOperation> all(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        boolean securedByDefault = document.path("security").size() > 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(of(document, op.getKey(), path.getKey(), path.getValue(), op.getValue(),
                            securedByDefault));
                }
            }
        }
        return operations;
    }

    private static ApiOperation of(JsonNode document, String method, String path, JsonNode pathItem, JsonNode op,
            boolean securedByDefault) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode parameter : source) {
                JsonNode p = resolve(document, parameter);
                parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(),
                        resolve(document, p.path("schema"))));
            }
        }
        List<String> consumes = new ArrayList<>();
        op.path("requestBody").path("content").fieldNames().forEachRemaining(consumes::add);
        JsonNode bodySchema = consumes.isEmpty()
                ? null
                : op.path("requestBody").path("content").path(consumes.get(0)).path("schema");
        JsonNode security = op.has("security") ? op.get("security") : null;
        boolean secured = security == null ? securedByDefault : security.size() > 0;
        List<String> scopes = new ArrayList<>();
        if (security != null) {
            security.forEach(requirement -> requirement.elements()
                    .forEachRemaining(list -> list.forEach(scope -> scopes.add(scope.asText()))));
        }
        Map<String, Set<String>> responses = new java.util.LinkedHashMap<>();
        op.path("responses").fields().forEachRemaining(response -> {
            Set<String> types = new java.util.TreeSet<>();
            resolve(document, response.getValue()).path("content").fieldNames().forEachRemaining(types::add);
            responses.put(response.getKey(), types);
        });
        return new ApiOperation(method.toUpperCase(java.util.Locale.ROOT), path, op.path("operationId").asText(null),
                parameters, consumes, bodySchema, scopes, secured, responses);
    }

    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** A JSON value the schema describes, its required and optional fields filled with plain values. */
    static JsonNode sample(JsonNode document, JsonNode schema, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode s = resolve(document, schema);
        if (depth > 6 || s.isMissingNode()) {
            return nodes.nullNode();
        }
        if (s.has("allOf") && s.get("allOf").size() > 0) {
            return sample(document, s.get("allOf").get(0), depth + 1);
        }
        if (s.has("oneOf") && s.get("oneOf").size() > 0) {
            return sample(document, s.get("oneOf").get(0), depth + 1);
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText("");
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                s.path("properties")
                        .fields()
                        .forEachRemaining(field -> object.set(field.getKey(), sample(document, field.getValue(), depth + 1)));
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(sample(document, s.path("items"), depth + 1));
                return array;
            }
            case "integer" -> {
                return nodes.numberNode(Long.parseLong(HostileValues.valid(s)));
            }
            case "number" -> {
                return nodes.numberNode(1.5);
            }
            case "boolean" -> {
                return nodes.booleanNode(true);
            }
            default -> {
                if (s.has("properties")) {
                    return sample(document, ((ObjectNode) s.deepCopy()).put("type", "object"), depth);
                }
                return nodes.textNode(HostileValues.valid(s));
            }
        }
    }

    /** The OpenAPI document the service under test serves ({@code /q/openapi}, JSON). */
    static JsonNode servedDocument() {
        String text = RestAssured.given()
                .auth()
                .none()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

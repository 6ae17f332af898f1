package io.portage.testsupport.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds the OpenAPI document the service under test serves to what a partner needs to generate a client from it:
 * {@code servers}; every operation with a unique {@code operationId}, the security it needs (a scheme the document
 * defines) unless the test names it open, a success answer, and every error answer as {@code application/problem+json}
 * with a schema; and every {@code $ref} names something the document holds.
 */
public final class ClientReadyOpenApi {

    private ClientReadyOpenApi() {
    }

    /**
     * Fails listing every rule the served document breaks; {@code open} names the operations ({@code "POST
     * /webhooks/shopify/{channel}"}) that take no access token (they check a signature or a token of their own).
     */
    public static void check(Set<String> open) {
        JsonNode document = ApiOperation.servedDocument();
        List<String> broken = new ArrayList<>();
        if (document.path("servers").isEmpty()) {
            broken.add("no servers");
        }
        Set<String> schemes = new HashSet<>();
        document.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                check(name, op.getValue(), document, open.contains(name), schemes, ids, broken);
            }
        }
        danglingReferences(document, document, "", broken);
        if (!broken.isEmpty()) {
            throw new AssertionError("The OpenAPI document is not one a client can be generated from:\n  "
                    + String.join("\n  ", broken));
        }
    }

    /** Every {@code $ref} names a schema, response or parameter the document holds. */
    private static void danglingReferences(JsonNode node, JsonNode document, String at, List<String> broken) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().asText().startsWith("#/")) {
                    if (document.at(field.getValue().asText().substring(1)).isMissingNode()) {
                        broken.add(at + ": $ref " + field.getValue().asText() + " names nothing in the document");
                    }
                } else {
                    danglingReferences(field.getValue(), document, at + "/" + field.getKey(), broken);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                danglingReferences(node.get(i), document, at + "/" + i, broken);
            }
        }
    }

    private static void check(String name, JsonNode operation, JsonNode document, boolean open, Set<String> schemes,
            Set<String> ids, List<String> broken) {
        String id = operation.path("operationId").asText("");
        if (id.isBlank()) {
            broken.add(name + ": no operationId");
        } else if (!ids.add(id)) {
            broken.add(name + ": operationId " + id + " is not unique");
        }
        JsonNode security = operation.path("security");
        if (!open && security.isEmpty()) {
            broken.add(name + ": declares no security");
        }
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme -> {
            if (!schemes.contains(scheme)) {
                broken.add(name + ": security names an undefined scheme " + scheme);
            }
        }));
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext();) {
            Map.Entry<String, JsonNode> response = responses.next();
            String status = response.getKey();
            JsonNode content = ApiOperation.resolve(document, response.getValue()).path("content");
            success |= status.startsWith("2") || status.startsWith("3");
            if ((status.startsWith("4") || status.startsWith("5"))
                    && content.path("application/problem+json").path("schema").isMissingNode()) {
                broken.add(name + ": " + status + " is not declared as application/problem+json with a schema");
            }
            content.fields().forEachRemaining(media -> {
                if (media.getValue().path("schema").isMissingNode()) {
                    broken.add(name + ": " + status + " " + media.getKey() + " has no schema");
                }
            });
        }
        if (!success) {
            broken.add(name + ": declares no success answer");
        }
    }
}

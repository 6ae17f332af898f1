package io.portage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.portage.testsupport.OpenApiSnapshot;

/**
 * The schemas of the answers the gateway relays (an order, a shipment, an appointment, the operations views) are the
 * services' own, copied from their OpenAPI snapshots into the gateway's static document
 * ({@code src/main/resources/META-INF/openapi.yaml}, merged with its annotations): a service whose answer changes fails
 * this test until the copy is refreshed ({@code -Dportage.openapi.refresh=true}), so the partners' document never
 * describes an answer the services no longer give.
 */
class RelayedSchemasTest {

    static final Path STATIC_DOCUMENT = Path.of("src", "main", "resources", "META-INF", "openapi.yaml");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final String REF = "#/components/schemas/";
    private static final String HEADER = """
            # The schemas of the answers the gateway relays, copied from the services' OpenAPI snapshots by
            # RelayedSchemasTest (gateway/src/test): do not edit; refresh with -Dportage.openapi.refresh=true.
            # Merged by SmallRye OpenAPI with the gateway's annotations, which name these schemas.
            """;

    /** The schemas one service's answers are made of; the roots keep their names, the rest take the prefix. */
    record Relayed(String service, String prefix, List<String> roots) {
    }

    static final List<Relayed> RELAYED = List.of(new Relayed("order-service", "Order", List.of("OrderView")),
            new Relayed("shipment-service", "Shipment", List.of("ShipmentView", "TimelineEntry", "TrackerView", "ReturnView",
                    "RatesView", "LabelledView")),
            new Relayed("yard-service", "Yard", List.of("AppointmentView", "YardBoardView", "TrailerVisitView")),
            new Relayed("finance-service", "Finance", List.of("AuditBatchView")),
            // event-kit's operations API, the same in every service
            new Relayed("order-service", "Ops", List.of("DeadLetterView", "ExceptionView", "ParkedEventView", "AuditView",
                    "ReplayReport", "BacklogView", "BacklogItemView")));

    @Test
    void theRelayedSchemasAreTheServicesOwn() throws IOException {
        String expected = HEADER + JSON.writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean(OpenApiSnapshot.REFRESH)) {
            Files.createDirectories(STATIC_DOCUMENT.getParent());
            Files.writeString(STATIC_DOCUMENT, expected);
            return;
        }
        assertThat(STATIC_DOCUMENT).exists();
        assertThat(Files.readString(STATIC_DOCUMENT))
                .as("A service's answer changed; refresh %s with -D%s=true and commit it", STATIC_DOCUMENT,
                        OpenApiSnapshot.REFRESH)
                .isEqualTo(expected);
    }

    static ObjectNode document() {
        Map<String, JsonNode> schemas = new TreeMap<>();
        for (Relayed relayed : RELAYED) {
            JsonNode source = ServiceApis.document(relayed.service()).path("components").path("schemas");
            Map<String, String> names = new LinkedHashMap<>();
            List<String> pending = new ArrayList<>(relayed.roots());
            while (!pending.isEmpty()) {
                String name = pending.remove(0);
                if (names.containsKey(name)) {
                    continue;
                }
                if (source.path(name).isMissingNode()) {
                    throw new AssertionError(relayed.service() + "'s snapshot has no schema " + name);
                }
                names.put(name, relayed.roots().contains(name) || name.startsWith(relayed.prefix())
                        ? name
                        : relayed.prefix() + name);
                references(source.path(name), pending);
            }
            names.forEach((name, renamed) -> {
                JsonNode copy = renamed(source.path(name).deepCopy(), names);
                JsonNode earlier = schemas.putIfAbsent(renamed, copy);
                if (earlier != null && !earlier.equals(copy)) {
                    throw new AssertionError("Two services' schemas would both be named " + renamed);
                }
            });
            for (String root : relayed.roots()) {
                ObjectNode list = JsonNodeFactory.instance.objectNode().put("type", "array");
                list.putObject("items").put("$ref", REF + root);
                schemas.put(root + "List", list);
            }
        }
        schemas.put("OpsList", oneOf("DeadLetterViewList", "ExceptionViewList", "ParkedEventViewList", "AuditViewList",
                "BacklogViewList"));
        schemas.put("OpsRecord", oneOf("DeadLetterView", "ExceptionView", "BacklogItemViewList"));
        schemas.put("OpsOutcome", oneOf("DeadLetterView", "ExceptionView", "ReplayReport"));
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("openapi", "3.1.0");
        document.putObject("components").putObject("schemas").setAll(schemas);
        return document;
    }

    /** What the operations routes relay: one of the views of the resource the path names. */
    private static ObjectNode oneOf(String... names) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        for (String name : names) {
            schema.withArray("oneOf").addObject().put("$ref", REF + name);
        }
        return schema;
    }

    private static void references(JsonNode node, List<String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().asText().startsWith(REF)) {
                    into.add(field.getValue().asText().substring(REF.length()));
                } else {
                    references(field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> references(item, into));
        }
    }

    private static JsonNode renamed(JsonNode node, Map<String, String> names) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                JsonNode value = object.get(field);
                if (field.equals("$ref") && value.asText().startsWith(REF)) {
                    object.set(field, TextNode.valueOf(REF + names.get(value.asText().substring(REF.length()))));
                } else {
                    renamed(value, names);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> renamed(item, names));
        }
        return node;
    }
}

package io.portage.contracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.contracts.compat.SchemaCompatibility.BreakingChange;

/** One mutation per rule of {@link SchemaCompatibility}: each is found at the right place; annotations are free. */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small published schema with one of everything the rules look at. */
    private static final String PUBLISHED = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://schemas.portage.io/events/io.portage.test.thing-happened.v1.json",
              "title": "ThingHappened v1",
              "description": "A thing happened.",
              "type": "object",
              "additionalProperties": false,
              "required": ["thingId", "site", "direction", "lines", "at"],
              "properties": {
                "thingId": { "type": "string", "format": "uuid" },
                "site": { "type": "string", "pattern": "^[A-Z0-9-]{1,32}$" },
                "note": { "type": ["string", "null"], "minLength": 1, "maxLength": 100 },
                "direction": { "enum": ["INBOUND", "OUTBOUND"] },
                "kind": { "const": "THING" },
                "lines": {
                  "type": "array",
                  "minItems": 1,
                  "maxItems": 10,
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["sku", "quantity"],
                    "properties": {
                      "sku": { "type": "string", "minLength": 1, "maxLength": 64 },
                      "quantity": { "type": "number", "exclusiveMinimum": 0 },
                      "count": { "type": "integer", "minimum": 1, "maximum": 100 }
                    }
                  }
                },
                "carrier": {
                  "type": "object",
                  "required": ["name"],
                  "properties": { "name": { "type": "string", "maxLength": 100 } }
                },
                "at": { "type": "string", "format": "date-time" }
              }
            }
            """;

    @Test
    void anUnchangedSchemaHasNoBreakingChange() {
        assertThat(SchemaCompatibility.breakingChanges(published(), published())).isEmpty();
    }

    @Test
    void annotationsOrderAndEquivalentSpellingsMayChange() {
        JsonNode current = changed(schema -> {
            schema.put("title", "ThingHappened v1 (renamed title)");
            schema.put("description", "Something else entirely.");
            schema.put("$comment", "Reviewed in November.");
            schema.putArray("examples").addObject().put("thingId", "x");
            prop(schema, "site").put("description", "Warehouse code.").put("default", "WH1").put("deprecated", false);
            prop(schema, "lines").with("items").put("title", "A line");
            ArrayNode required = schema.putArray("required");
            List.of("at", "lines", "direction", "site", "thingId").forEach(required::add);
            ArrayNode values = prop(schema, "direction").putArray("enum");
            values.add("OUTBOUND").add("INBOUND");
            prop(schema, "thingId").putArray("type").add("string");
            lineProp(schema, "count").put("minimum", 1.0);
            ObjectNode reordered = JSON.createObjectNode();
            reordered.set("at", prop(schema, "at"));
            schema.withObject("properties").properties().forEach(field -> reordered.set(field.getKey(), field.getValue()));
            schema.set("properties", reordered);
        });
        assertThat(SchemaCompatibility.breakingChanges(published(), current)).isEmpty();
    }

    @Test
    void propertyRemoved() {
        assertOne(changed(schema -> schema.withObject("properties").remove("note")), "/properties/note", "removed");
    }

    @Test
    void propertyAddedAsRequired() {
        assertOne(changed(schema -> {
            schema.withObject("properties").putObject("dock").put("type", "string").put("maxLength", 16);
            schema.withArray("required").add("dock");
        }), "/properties/dock", "added as required");
    }

    @Test
    void optionalPropertyAddedToAClosedObject() {
        assertOne(changed(schema -> schema.withObject("properties").putObject("dock").put("type", "string")),
                "/properties/dock", "closed object");
    }

    @Test
    void optionalPropertyAddedToAnOpenObjectIsAllowed() {
        JsonNode current = changed(schema -> prop(schema, "carrier").withObject("properties")
                .putObject("scac")
                .put("type", "string"));
        assertThat(SchemaCompatibility.breakingChanges(published(), current)).isEmpty();
    }

    @Test
    void existingPropertyBecameRequired() {
        assertOne(changed(schema -> schema.withArray("required").add("note")), "/required", "'note' became required");
    }

    @Test
    void requiredPropertyBecameOptional() {
        assertOne(changed(schema -> {
            ArrayNode required = schema.putArray("required");
            List.of("thingId", "site", "direction", "lines").forEach(required::add);
        }), "/required", "'at' is no longer required");
    }

    @Test
    void typeChanged() {
        assertOne(changed(schema -> lineProp(schema, "quantity").put("type", "string")),
                "/properties/lines/items/properties/quantity/type", "type changed");
    }

    @Test
    void numberNarrowedToInteger() {
        assertOne(changed(schema -> lineProp(schema, "quantity").put("type", "integer")),
                "/properties/lines/items/properties/quantity/type", "narrowed");
    }

    @Test
    void integerWidenedToNumber() {
        assertOne(changed(schema -> lineProp(schema, "count").put("type", "number")),
                "/properties/lines/items/properties/count/type", "widened");
    }

    @Test
    void typeNarrowed() {
        assertOne(changed(schema -> prop(schema, "note").put("type", "string")), "/properties/note/type", "narrowed");
    }

    @Test
    void typeWidened() {
        assertOne(changed(schema -> prop(schema, "site").putArray("type").add("string").add("null")),
                "/properties/site/type", "widened");
    }

    @Test
    void enumValueRemoved() {
        assertOne(changed(schema -> prop(schema, "direction").putArray("enum").add("INBOUND")),
                "/properties/direction/enum", "\"OUTBOUND\" removed");
    }

    @Test
    void enumValueAdded() {
        assertOne(changed(schema -> prop(schema, "direction").withArray("enum").add("TRANSFER")),
                "/properties/direction/enum", "\"TRANSFER\" added");
    }

    @Test
    void constChanged() {
        assertOne(changed(schema -> prop(schema, "kind").put("const", "OTHER")), "/properties/kind/const", "const changed");
    }

    @Test
    void minLengthRaised() {
        assertOne(changed(schema -> prop(schema, "note").put("minLength", 3)), "/properties/note/minLength", "tightened");
    }

    @Test
    void maxLengthLowered() {
        assertOne(changed(schema -> prop(schema, "note").put("maxLength", 50)), "/properties/note/maxLength", "tightened");
    }

    @Test
    void maxLengthRaised() {
        assertOne(changed(schema -> prop(schema, "note").put("maxLength", 200)), "/properties/note/maxLength", "loosened");
    }

    @Test
    void maxLengthAddedWhereThereWasNone() {
        assertOne(changed(schema -> prop(schema, "thingId").put("maxLength", 36)), "/properties/thingId/maxLength",
                "added (tightened)");
    }

    @Test
    void minimumRaised() {
        assertOne(changed(schema -> lineProp(schema, "count").put("minimum", 2)),
                "/properties/lines/items/properties/count/minimum", "raised from 1 to 2 (tightened)");
    }

    @Test
    void maximumRemoved() {
        assertOne(changed(schema -> lineProp(schema, "count").remove("maximum")),
                "/properties/lines/items/properties/count/maximum", "removed (loosened)");
    }

    @Test
    void exclusiveMinimumLowered() {
        assertOne(changed(schema -> lineProp(schema, "quantity").put("exclusiveMinimum", -1)),
                "/properties/lines/items/properties/quantity/exclusiveMinimum", "lowered from 0 to -1 (loosened)");
    }

    @Test
    void exclusiveMaximumAdded() {
        assertOne(changed(schema -> lineProp(schema, "quantity").put("exclusiveMaximum", 1000)),
                "/properties/lines/items/properties/quantity/exclusiveMaximum", "tightened");
    }

    @Test
    void minItemsRaised() {
        assertOne(changed(schema -> prop(schema, "lines").put("minItems", 2)), "/properties/lines/minItems", "tightened");
    }

    @Test
    void maxItemsRaised() {
        assertOne(changed(schema -> prop(schema, "lines").put("maxItems", 500)), "/properties/lines/maxItems", "loosened");
    }

    @Test
    void patternChanged() {
        assertOne(changed(schema -> prop(schema, "site").put("pattern", "^[A-Z]{1,32}$")), "/properties/site/pattern",
                "pattern changed");
    }

    @Test
    void formatChanged() {
        assertOne(changed(schema -> prop(schema, "at").put("format", "date")), "/properties/at/format", "format changed");
    }

    @Test
    void formatAdded() {
        assertOne(changed(schema -> lineProp(schema, "sku").put("format", "uuid")),
                "/properties/lines/items/properties/sku/format", "format \"uuid\" added");
    }

    @Test
    void additionalPropertiesOpened() {
        assertOne(changed(schema -> schema.put("additionalProperties", true)), "/additionalProperties",
                "from false to true");
    }

    @Test
    void additionalPropertiesRemovedFromAClosedObject() {
        assertOne(changed(schema -> schema.remove("additionalProperties")), "/additionalProperties", "false to absent");
    }

    @Test
    void additionalPropertiesClosed() {
        assertOne(changed(schema -> prop(schema, "carrier").put("additionalProperties", false)),
                "/properties/carrier/additionalProperties", "absent to false");
    }

    @Test
    void itemsSchemaChangedDeepInside() {
        assertOne(changed(schema -> prop(schema, "lines").with("items").withObject("properties").remove("count")),
                "/properties/lines/items/properties/count", "removed");
    }

    @Test
    void itemsSchemaReplacedByNothing() {
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(published(),
                changed(schema -> prop(schema, "lines").remove("items")));
        assertThat(changes).isNotEmpty().allSatisfy(change -> assertThat(change.path()).startsWith("/properties/lines/items"));
    }

    @Test
    void everyChangeIsReportedNotJustTheFirst() {
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(published(), changed(schema -> {
            schema.withObject("properties").remove("note");
            prop(schema, "site").put("pattern", "^[A-Z]{1,8}$");
            lineProp(schema, "quantity").put("type", "integer");
        }));
        assertThat(changes).extracting(BreakingChange::path)
                .containsExactlyInAnyOrder("/properties/note", "/properties/site/pattern",
                        "/properties/lines/items/properties/quantity/type");
    }

    @Test
    void namesInPathsAreEscapedAsJsonPointers() {
        JsonNode earlier = parse("""
                {"type": "object", "properties": {"a/b~c": {"type": "string"}}}""");
        JsonNode current = parse("""
                {"type": "object", "properties": {"a/b~c": {"type": "integer"}}}""");
        assertThat(SchemaCompatibility.breakingChanges(earlier, current)).extracting(BreakingChange::path)
                .containsExactly("/properties/a~1b~0c/type");
    }

    private static void assertOne(JsonNode current, String path, String reason) {
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(published(), current);
        assertThat(changes).as("changes found").hasSize(1);
        assertThat(changes.get(0).path()).isEqualTo(path);
        assertThat(changes.get(0).reason()).contains(reason);
    }

    private static JsonNode published() {
        return parse(PUBLISHED);
    }

    private static JsonNode changed(Consumer<ObjectNode> change) {
        ObjectNode schema = (ObjectNode) published();
        change.accept(schema);
        return schema;
    }

    private static ObjectNode prop(ObjectNode schema, String name) {
        return (ObjectNode) schema.withObject("properties").get(name);
    }

    private static ObjectNode lineProp(ObjectNode schema, String name) {
        return (ObjectNode) prop(schema, "lines").with("items").withObject("properties").get(name);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

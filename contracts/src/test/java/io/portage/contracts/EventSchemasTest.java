package io.portage.contracts;

import static io.portage.contracts.Schemas.JSON;
import static io.portage.contracts.Schemas.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Every catalogued record round-trips through its schema, and every schema rejects what the record would never
 * produce: a missing required field, an unknown field, and a value just outside each constraint the schema declares.
 */
class EventSchemasTest {

    @Test
    void everyCataloguedTypeHasASchemaAndASample() {
        assertThat(EventSamples.all().keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.all());
        for (EventType type : EventCatalog.all()) {
            JsonNode schema = Schemas.schema(type);
            assertThat(schema.path("$schema").asText()).as(type.type())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).as(type.type()).isEqualTo(type.dataschema().toString());
            assertThat(schema.path("title").asText()).as(type.type())
                    .isEqualTo(type.dataClass().getSimpleName() + " v" + type.version());
            assertThat(schema.path("description").asText()).as(type.type())
                    .contains(type.type())
                    .contains("topic " + type.topic());
            assertThat(EventSamples.of(type)).as(type.type()).isInstanceOf(type.dataClass());
        }
    }

    @Test
    void everyRecordRoundTripsThroughItsSchema() throws Exception {
        for (Map.Entry<EventType, Object> sample : EventSamples.all().entrySet()) {
            EventType type = sample.getKey();
            String text = JSON.writeValueAsString(sample.getValue());
            assertThat(errors(type, JSON.readTree(text))).as(type.type()).isEmpty();
            Object back = JSON.readValue(text, type.dataClass());
            assertThat(back).as(type.type()).isEqualTo(sample.getValue());
            assertThat(JSON.writeValueAsString(back)).as(type.type()).isEqualTo(text);
        }
    }

    @Test
    void optionalFieldsMayBeNullOrAbsent() throws Exception {
        int checked = 0;
        for (EventType type : EventCatalog.all()) {
            JsonNode json = JSON.valueToTree(EventSamples.of(type));
            for (ObjectAt object : objects(type, json)) {
                for (String name : optional(object.schema())) {
                    for (boolean absent : new boolean[]{false, true}) {
                        JsonNode changed = json.deepCopy();
                        ObjectNode target = (ObjectNode) changed.at(object.pointer());
                        if (absent) {
                            target.remove(name);
                        } else {
                            target.putNull(name);
                        }
                        String what = type.type() + " " + object.pointer() + "/" + name + (absent ? " absent" : " null");
                        assertThat(errors(type, changed)).as(what).isEmpty();
                        Object back = JSON.treeToValue(changed, type.dataClass());
                        JsonNode again = JSON.valueToTree(back);
                        assertThat(again.at(object.pointer() + "/" + name).isNull()).as(what).isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("optional fields exercised").isGreaterThan(20);
    }

    @Test
    void everyRequiredFieldIsRequiredAndNoUnknownFieldIsAccepted() {
        for (EventType type : EventCatalog.all()) {
            JsonNode json = JSON.valueToTree(EventSamples.of(type));
            for (ObjectAt object : objects(type, json)) {
                for (JsonNode required : object.schema().path("required")) {
                    String name = required.asText();
                    JsonNode changed = json.deepCopy();
                    ((ObjectNode) changed.at(object.pointer())).remove(name);
                    assertThat(errors(type, changed)).as(type.type() + " without " + object.pointer() + "/" + name)
                            .anyMatch(m -> m.getMessage().contains(name));
                }
                JsonNode changed = json.deepCopy();
                ((ObjectNode) changed.at(object.pointer())).put("unexpectedField", 1);
                assertThat(errors(type, changed)).as(type.type() + " with an unknown field at " + object.pointer())
                        .anyMatch(m -> m.getMessage().contains("unexpectedField"));
            }
        }
    }

    @Test
    void everyDeclaredConstraintRejectsAValueJustOutsideIt() {
        int checked = 0;
        for (EventType type : EventCatalog.all()) {
            JsonNode json = JSON.valueToTree(EventSamples.of(type));
            for (ValueAt value : values(type, json)) {
                for (Map.Entry<String, JsonNode> violation : violations(value.schema(), value.value()).entrySet()) {
                    JsonNode changed = json.deepCopy();
                    replace(changed, value.pointer(), violation.getValue());
                    assertThat(errors(type, changed))
                            .as("%s %s = %s (%s)", type.type(), value.pointer(), violation.getValue(), violation.getKey())
                            .anyMatch(m -> m.getInstanceLocation().toString().equals(value.pointer()));
                    checked++;
                }
            }
        }
        assertThat(checked).as("constraints exercised").isGreaterThan(500);
    }

    @Test
    void schemaRejectsWhatTheRecordWouldNeverProduce() {
        ObjectNode order = JSON.valueToTree(EventSamples.of(EventCatalog.ORDER_RECEIVED_V1));
        ObjectNode noLines = order.deepCopy();
        noLines.putArray("lines");
        ObjectNode zeroQuantity = order.deepCopy();
        ((ObjectNode) zeroQuantity.withArray("lines").get(0)).put("quantity", 0);
        ObjectNode badCountry = order.deepCopy();
        ((ObjectNode) badCountry.withObject("customer").withObject("address")).put("country", "Netherlands");

        assertThat(errors(EventCatalog.ORDER_RECEIVED_V1, noLines)).anyMatch(m -> m.getInstanceLocation()
                .toString()
                .contains("lines"));
        assertThat(errors(EventCatalog.ORDER_RECEIVED_V1, zeroQuantity)).anyMatch(m -> m.getInstanceLocation()
                .toString()
                .contains("quantity"));
        assertThat(errors(EventCatalog.ORDER_RECEIVED_V1, badCountry)).anyMatch(m -> m.getInstanceLocation()
                .toString()
                .contains("country"));
    }

    @Test
    void moneyTravelsAsADecimalStringWithItsCurrency() throws Exception {
        EventType type = EventCatalog.DETENTION_CHARGED_V1;
        ObjectNode json = JSON.valueToTree(EventSamples.of(type));
        assertThat(json.at("/amount")).isEqualTo(JSON.readTree("{\"amount\":\"62.50\",\"currency\":\"EUR\"}"));

        for (String good : List.of("0", "0.5", "1200", "3.125", "999999999999999.9999")) {
            ObjectNode changed = json.deepCopy();
            changed.withObject("amount").put("amount", good);
            assertThat(errors(type, changed)).as(good).isEmpty();
            assertThat(JSON.treeToValue(changed, type.dataClass())).as(good).isNotNull();
        }
        for (String bad : List.of("-1.00", "1e3", "01.50", "1.23456", "1,50", "1234567890123456", " 1.50", "")) {
            ObjectNode changed = json.deepCopy();
            changed.withObject("amount").put("amount", bad);
            assertThat(errors(type, changed)).as(bad).isNotEmpty();
        }
        ObjectNode asNumber = json.deepCopy();
        asNumber.withObject("amount").put("amount", new BigDecimal("62.50"));
        assertThat(errors(type, asNumber)).isNotEmpty();
        ObjectNode lowerCaseCurrency = json.deepCopy();
        lowerCaseCurrency.withObject("amount").put("currency", "eur");
        assertThat(errors(type, lowerCaseCurrency)).isNotEmpty();
    }

    @Test
    void moneyRefusesWhatItsSchemaRefuses() {
        assertThat(Money.of("62.50", "EUR").amount()).isEqualByComparingTo("62.5");
        assertThat(Money.of("1200", "JPY").amount().scale()).isZero();
        assertThatThrownBy(() -> Money.of("-1.00", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.23456", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1E+3", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1234567890123456", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.00", "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.00", "EURO")).isInstanceOf(IllegalArgumentException.class);
    }

    /** An object in a sample and the schema it validates against. */
    record ObjectAt(String pointer, JsonNode schema) {
    }

    /** A scalar or array value in a sample and the schema it validates against. */
    record ValueAt(String pointer, JsonNode schema, JsonNode value) {
    }

    private static List<ObjectAt> objects(EventType type, JsonNode json) {
        List<ObjectAt> objects = new ArrayList<>();
        walk(Schemas.schema(type), json, "", objects, new ArrayList<>());
        return objects;
    }

    private static List<ValueAt> values(EventType type, JsonNode json) {
        List<ValueAt> values = new ArrayList<>();
        walk(Schemas.schema(type), json, "", new ArrayList<>(), values);
        return values;
    }

    private static void walk(JsonNode schema, JsonNode instance, String pointer, List<ObjectAt> objects,
            List<ValueAt> values) {
        if (instance.isObject()) {
            objects.add(new ObjectAt(pointer, schema));
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                JsonNode child = instance.get(property.getKey());
                if (child != null && !child.isNull()) {
                    walk(property.getValue(), child, pointer + "/" + property.getKey(), objects, values);
                }
            }
        } else if (instance.isArray()) {
            values.add(new ValueAt(pointer, schema, instance));
            for (int i = 0; i < instance.size(); i++) {
                walk(schema.path("items"), instance.get(i), pointer + "/" + i, objects, values);
            }
        } else {
            values.add(new ValueAt(pointer, schema, instance));
        }
    }

    private static List<String> optional(JsonNode objectSchema) {
        Set<String> required = new java.util.HashSet<>();
        objectSchema.path("required").forEach(name -> required.add(name.asText()));
        List<String> optional = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : objectSchema.path("properties").properties()) {
            if (!required.contains(property.getKey())) {
                optional.add(property.getKey());
            }
        }
        return optional;
    }

    /** Values just outside each constraint the schema declares, by the constraint they break. */
    private static Map<String, JsonNode> violations(JsonNode schema, JsonNode sample) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Map<String, JsonNode> bad = new java.util.LinkedHashMap<>();
        if (schema.has("enum")) {
            bad.put("enum", TextNode.valueOf("NOT_A_CODE"));
        }
        if (sample.isTextual()) {
            bad.put("type", IntNode.valueOf(42));
            if (schema.has("maxLength")) {
                bad.put("maxLength", TextNode.valueOf("x".repeat(schema.get("maxLength").asInt() + 1)));
            }
            if (schema.path("minLength").asInt() > 0) {
                bad.put("minLength", TextNode.valueOf(""));
            }
            if (schema.has("pattern")) {
                bad.put("pattern", TextNode.valueOf("?!"));
            }
            switch (schema.path("format").asText()) {
                case "uuid" -> bad.put("format", TextNode.valueOf("not-a-uuid"));
                case "date-time" -> bad.put("format", TextNode.valueOf("2026-11-24 08:15"));
                case "date" -> bad.put("format", TextNode.valueOf("24/11/2026"));
                case "uri" -> bad.put("format", TextNode.valueOf("no scheme here"));
                case "email" -> bad.put("format", TextNode.valueOf("not an address"));
                default -> {
                }
            }
        } else if (sample.isNumber()) {
            bad.put("type", TextNode.valueOf(sample.asText()));
            if (schema.has("minimum")) {
                bad.put("minimum", DecimalNode.valueOf(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
            }
            if (schema.has("maximum")) {
                bad.put("maximum", DecimalNode.valueOf(schema.get("maximum").decimalValue().add(BigDecimal.ONE)));
            }
            if (schema.has("exclusiveMinimum")) {
                bad.put("exclusiveMinimum", schema.get("exclusiveMinimum"));
            }
            if (schema.path("type").asText().equals("integer")) {
                bad.put("integer", DecimalNode.valueOf(new BigDecimal("1.5")));
            }
        } else if (sample.isArray()) {
            bad.put("type", BooleanNode.TRUE);
            if (schema.path("minItems").asInt() > 0) {
                bad.put("minItems", nodes.arrayNode());
            }
            if (schema.has("maxItems")) {
                ArrayNode tooMany = nodes.arrayNode();
                for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                    tooMany.add(sample.get(0).deepCopy());
                }
                bad.put("maxItems", tooMany);
            }
        } else if (sample.isBoolean()) {
            bad.put("type", NullNode.getInstance());
        }
        return bad;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) root.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), value);
        } else {
            ((ObjectNode) parent).set(name, value);
        }
    }

}

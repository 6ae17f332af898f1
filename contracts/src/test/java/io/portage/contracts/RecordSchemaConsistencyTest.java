package io.portage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Records and schemas describe the same data, field by field and recursively: the same names in the same order, a
 * JSON type for each Java type, enums with the same constants, optional exactly where the schema allows null; and the
 * schemas are strict: closed objects, bounded strings, numbers and arrays. Every class the records reach is ready for a
 * native image.
 */
class RecordSchemaConsistencyTest {

    /** Published before the rule "every string is bounded"; tightening them would break v1 (see docs/events.md). */
    private static final Set<String> UNBOUNDED_STRINGS_PUBLISHED = Set.of(
            "io.portage.order.received.v1/properties/customer/properties/email");

    private static final Set<String> BOUNDED_FORMATS = Set.of("uuid", "date-time", "date");

    /** The subject of each topic's events: the aggregate id, first component of every record. */
    private static final Map<String, Set<String>> SUBJECTS = Map.of(
            Topics.ORDERS, Set.of("orderId"),
            Topics.YARD, Set.of("appointmentId"),
            Topics.WAREHOUSE, Set.of("receiptId", "orderId", "visitId"),
            Topics.SHIPMENTS, Set.of("shipmentId", "trackingNumber"),
            Topics.FINANCE, Set.of("chargeId", "invoiceId", "carrierInvoiceId", "refundId"),
            Topics.ERP, Set.of("erpRef"));

    @Test
    void everyRecordMatchesItsSchemaRecursively() {
        List<String> problems = new ArrayList<>();
        for (EventType type : EventCatalog.all()) {
            checkObject(type.type(), "", type.dataClass(), Schemas.schema(type), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theAggregateIdIsTheFirstComponentAndTheSubject() {
        for (EventType type : EventCatalog.all()) {
            RecordComponent first = type.dataClass().getRecordComponents()[0];
            JsonNode schema = Schemas.schema(type);
            assertThat(first.getType()).as(type.type()).isEqualTo(String.class);
            assertThat(SUBJECTS.get(type.topic())).as(type.type() + " subject").contains(first.getName());
            assertThat(names(schema.get("required"))).as(type.type()).contains(first.getName());
            assertThat(schema.path("description").asText()).as(type.type()).endsWith("subject = " + first.getName() + ".");
        }
    }

    @Test
    void everyClassTheRecordsReachIsRegisteredForReflection() {
        Set<Class<?>> reached = new HashSet<>();
        for (EventType type : EventCatalog.all()) {
            reach(type.dataClass(), reached);
        }
        assertThat(reached).as("classes reached").contains(Money.class).hasSizeGreaterThan(EventCatalog.all().size());
        assertThat(reached).allSatisfy(type -> assertThat(type.isAnnotationPresent(RegisterForReflection.class))
                .as(type.getName() + " is annotated @RegisterForReflection")
                .isTrue());
    }

    private static void reach(Type type, Set<Class<?>> reached) {
        if (type instanceof ParameterizedType parameterized) {
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> reach(argument, reached));
        } else if (type instanceof Class<?> type_ && (type_.isRecord() || type_.isEnum()) && reached.add(type_)
                && type_.isRecord()) {
            Arrays.stream(type_.getRecordComponents()).forEach(component -> reach(component.getGenericType(), reached));
        }
    }

    private static void checkObject(String type, String path, Class<?> record, JsonNode schema, List<String> problems) {
        String where = type + path;
        if (!record.isRecord()) {
            problems.add(where + ": " + record + " is not a record");
            return;
        }
        if (!types(schema).contains("object")) {
            problems.add(where + ": schema type is " + schema.get("type") + ", not object");
        }
        if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").booleanValue()) {
            problems.add(where + ": additionalProperties must be false");
        }
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> properties = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> properties.add(property.getKey()));
        if (!components.equals(properties)) {
            problems.add(where + ": record components " + components + " but schema properties " + properties);
        }
        Set<String> nullable = new HashSet<>();
        schema.path("properties").properties().forEach(property -> {
            if (types(property.getValue()).contains("null")) {
                nullable.add(property.getKey());
            }
        });
        Set<String> expectedRequired = new HashSet<>(properties);
        expectedRequired.removeAll(nullable);
        if (!names(schema.get("required")).equals(expectedRequired)) {
            problems.add(where + ": required " + names(schema.get("required")) + " but the non-nullable properties are "
                    + expectedRequired);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").get(component.getName());
            if (property != null) {
                checkValue(type, path + "/properties/" + component.getName(), component.getGenericType(), component,
                        property, problems);
            }
        }
    }

    private static void checkValue(String type, String path, Type javaType, RecordComponent component, JsonNode schema,
            List<String> problems) {
        String where = type + path;
        Set<String> types = types(schema);
        Class<?> raw = javaType instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) javaType;
        if (raw == String.class) {
            expect(types, "string", where, problems);
            if (!boundedString(schema) && !UNBOUNDED_STRINGS_PUBLISHED.contains(where)) {
                problems.add(where + ": string without maxLength, a bounded pattern, a bounded format or an enum");
            }
        } else if (raw == Instant.class) {
            expect(types, "string", where, problems);
            expectFormat(schema, "date-time", where, problems);
        } else if (raw == LocalDate.class) {
            expect(types, "string", where, problems);
            expectFormat(schema, "date", where, problems);
        } else if (raw == BigDecimal.class) {
            JsonFormat format = component == null ? null : component.getAccessor().getAnnotation(JsonFormat.class);
            if (format != null && format.shape() == JsonFormat.Shape.STRING) {
                expect(types, "string", where, problems);
                if (!boundedString(schema)) {
                    problems.add(where + ": decimal string without a bounded pattern");
                }
            } else {
                expect(types, "number", where, problems);
                if (!schema.has("minimum") && !schema.has("exclusiveMinimum")) {
                    problems.add(where + ": number without a lower bound");
                }
            }
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expect(types, "integer", where, problems);
            if (!schema.has("minimum") || !schema.has("maximum")) {
                problems.add(where + ": integer without minimum and maximum");
            }
        } else if (raw.isEnum()) {
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(value -> ((Enum<?>) value).name()).toList();
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(value -> values.add(value.asText()));
            if (!constants.equals(values)) {
                problems.add(where + ": enum " + values + " but " + raw.getSimpleName() + " has " + constants);
            }
        } else if (raw == List.class) {
            expect(types, "array", where, problems);
            if (!schema.has("minItems") || !schema.has("maxItems")) {
                problems.add(where + ": array without minItems and maxItems");
            }
            Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            checkValue(type, path + "/items", element, null, schema.path("items"), problems);
        } else if (raw.isRecord()) {
            checkObject(type, path, raw, schema, problems);
        } else {
            problems.add(where + ": no JSON mapping for " + javaType);
        }
    }

    private static boolean boundedString(JsonNode schema) {
        if (schema.has("enum") || schema.has("const") || schema.has("maxLength")
                || BOUNDED_FORMATS.contains(schema.path("format").asText())) {
            return true;
        }
        String pattern = schema.path("pattern").asText("");
        return pattern.startsWith("^") && pattern.endsWith("$") && !pattern.contains("*") && !pattern.contains("+");
    }

    private static void expect(Set<String> types, String type, String where, List<String> problems) {
        Set<String> allowed = Set.of(type, "null");
        if (!types.contains(type) || !allowed.containsAll(types)) {
            problems.add(where + ": schema type " + types + ", expected " + type);
        }
    }

    private static void expectFormat(JsonNode schema, String format, String where, List<String> problems) {
        if (!schema.path("format").asText().equals(format)) {
            problems.add(where + ": format " + schema.get("format") + ", expected " + format);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type == null && schema.has("enum")) {
            types.add("string");
        } else if (type != null && type.isArray()) {
            type.forEach(value -> types.add(value.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        return types;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asText()));
        }
        return names;
    }
}

package io.portage.contracts.compat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Compares a published JSON Schema (draft 2020-12) with its current text and lists the changes that break producers
 * or consumers of that published version. A published version accepts exactly the messages it accepted: any change
 * that lets one side send what the other rejects is breaking, whether it tightens (earlier producers' messages fail the
 * current schema) or loosens (current producers' messages fail the earlier schema). Only annotations may change:
 * {@code title}, {@code description}, {@code examples}, {@code $comment}, {@code default} and {@code deprecated}. The
 * order of {@code properties}, {@code required} and {@code enum}, and {@code "string"} versus {@code ["string"]}, are
 * not changes. A keyword this class does not know is compared for equality.
 */
public final class SchemaCompatibility {

    /** One breaking change: where it is in the schema (a JSON pointer) and why it breaks, in plain English. */
    public record BreakingChange(String path, String reason) {

        @Override
        public String toString() {
            return (path.isEmpty() ? "/" : path) + ": " + reason;
        }
    }

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment", "default",
            "deprecated");

    /** Keywords whose value is one schema. */
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("items", "additionalItems", "contains", "not",
            "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties");

    /** Keywords whose value is a list of schemas, compared position by position. */
    private static final Set<String> SCHEMA_LIST_KEYWORDS = Set.of("prefixItems", "allOf", "anyOf", "oneOf");

    /** Keywords whose value is a map of schemas; an entry removed or added changes what validates. */
    private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("patternProperties", "dependentSchemas");

    /** Definitions: an entry added is not a change, one removed is (a reference may still point at it). */
    private static final Set<String> DEFINITION_KEYWORDS = Set.of("$defs", "definitions");

    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems",
            "minProperties", "minContains");

    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems",
            "maxProperties", "maxContains");

    private static final String TIGHTENED = "earlier producers may send what the current schema rejects";
    private static final String LOOSENED = "current producers may send what consumers of the earlier schema reject";
    private static final String EITHER = "each side may send what the other rejects";

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code earlier} (as published) to {@code current}, in schema order; empty if none. */
    public static List<BreakingChange> breakingChanges(JsonNode earlier, JsonNode current) {
        List<BreakingChange> changes = new ArrayList<>();
        compare("", earlier, current, changes);
        return List.copyOf(changes);
    }

    private static void compare(String path, JsonNode earlier, JsonNode current, List<BreakingChange> changes) {
        JsonNode before = normalised(earlier);
        JsonNode after = normalised(current);
        if (!before.isObject() || !after.isObject()) {
            if (!sameValue(before, after)) {
                changes.add(new BreakingChange(path, "schema changed from " + before + " to " + after + ": " + EITHER));
            }
            return;
        }
        Set<String> keywords = new LinkedHashSet<>();
        keywords.addAll(fieldNames(before));
        keywords.addAll(fieldNames(after));
        keywords.removeAll(ANNOTATIONS);
        for (String keyword : keywords) {
            JsonNode was = before.get(keyword);
            JsonNode is = after.get(keyword);
            String at = path + "/" + escape(keyword);
            if (keyword.equals("properties")) {
                compareProperties(path, before, after, changes);
            } else if (keyword.equals("required")) {
                compareRequired(path, before, after, changes);
            } else if (keyword.equals("additionalProperties")) {
                compareAdditionalProperties(at, was, is, changes);
            } else if (keyword.equals("type")) {
                compareType(at, was, is, changes);
            } else if (keyword.equals("enum")) {
                compareEnum(at, was, is, changes);
            } else if (LOWER_BOUNDS.contains(keyword) || UPPER_BOUNDS.contains(keyword)) {
                compareBound(at, keyword, was, is, changes);
            } else if (SCHEMA_KEYWORDS.contains(keyword)) {
                compare(at, was, is, changes);
            } else if (SCHEMA_LIST_KEYWORDS.contains(keyword)) {
                compareSchemaList(at, keyword, was, is, changes);
            } else if (SCHEMA_MAP_KEYWORDS.contains(keyword) || DEFINITION_KEYWORDS.contains(keyword)) {
                compareSchemaMap(at, keyword, was, is, changes);
            } else {
                compareValue(at, keyword, was, is, changes);
            }
        }
    }

    private static void compareProperties(String path, JsonNode before, JsonNode after, List<BreakingChange> changes) {
        JsonNode was = before.path("properties");
        JsonNode is = after.path("properties");
        Set<String> requiredNow = names(after.get("required"));
        for (String name : fieldNames(was)) {
            String at = path + "/properties/" + escape(name);
            if (!is.has(name)) {
                changes.add(new BreakingChange(at, "property '" + name + "' removed: earlier producers send it and "
                        + "consumers that read it no longer get it"));
            } else {
                compare(at, was.get(name), is.get(name), changes);
            }
        }
        JsonNode additional = normalised(before.get("additionalProperties"));
        for (String name : fieldNames(is)) {
            if (was.has(name)) {
                continue;
            }
            String at = path + "/properties/" + escape(name);
            if (requiredNow.contains(name)) {
                changes.add(new BreakingChange(at, "property '" + name + "' added as required: earlier producers do not "
                        + "send it"));
            } else if (additional.isBoolean() && !additional.booleanValue()) {
                changes.add(new BreakingChange(at, "property '" + name + "' added to a closed object (additionalProperties "
                        + "false): consumers validating with the earlier schema reject messages that carry it"));
            } else if (!acceptsAll(additional)) {
                changes.add(new BreakingChange(at, "property '" + name + "' added where the earlier schema checks "
                        + "other properties against additionalProperties: consumers of the earlier schema may reject it"));
            }
        }
    }

    private static void compareRequired(String path, JsonNode before, JsonNode after, List<BreakingChange> changes) {
        Set<String> was = names(before.get("required"));
        Set<String> is = names(after.get("required"));
        JsonNode propertiesBefore = before.path("properties");
        JsonNode propertiesAfter = after.path("properties");
        String at = path + "/required";
        for (String name : is) {
            // a property that is new is reported (once) where it was added
            if (!was.contains(name) && (propertiesBefore.has(name) || !propertiesAfter.has(name))) {
                changes.add(new BreakingChange(at, "property '" + name + "' became required: earlier producers may "
                        + "omit it"));
            }
        }
        for (String name : was) {
            // a property that is gone is reported (once) where it was removed
            if (!is.contains(name) && (propertiesAfter.has(name) || !propertiesBefore.has(name))) {
                changes.add(new BreakingChange(at, "property '" + name + "' is no longer required: current producers "
                        + "may omit it and consumers of the earlier schema expect it"));
            }
        }
    }

    private static void compareAdditionalProperties(String at, JsonNode was, JsonNode is, List<BreakingChange> changes) {
        JsonNode before = normalised(was);
        JsonNode after = normalised(is);
        if (before.isObject() && after.isObject()) {
            compare(at, before, after, changes);
        } else if (!sameValue(before, after)) {
            boolean loosened = acceptsAll(after);
            changes.add(new BreakingChange(at, "additionalProperties changed from " + describe(was) + " to "
                    + describe(is) + ": " + (loosened ? LOOSENED : TIGHTENED)));
        }
    }

    private static void compareType(String at, JsonNode was, JsonNode is, List<BreakingChange> changes) {
        Set<String> before = was == null ? Set.of() : names(was);
        Set<String> after = is == null ? Set.of() : names(is);
        if (before.equals(after)) {
            return;
        }
        String from = was == null ? "any type" : before.toString();
        String to = is == null ? "any type" : after.toString();
        if (was == null || (is != null && covers(before, after))) {
            changes.add(new BreakingChange(at, "type narrowed from " + from + " to " + to + ": " + TIGHTENED));
        } else if (is == null || covers(after, before)) {
            changes.add(new BreakingChange(at, "type widened from " + from + " to " + to + ": " + LOOSENED));
        } else {
            changes.add(new BreakingChange(at, "type changed from " + from + " to " + to + ": " + EITHER));
        }
    }

    /** Whether every value of the types {@code inner} is also of the types {@code outer} (an integer is a number). */
    private static boolean covers(Set<String> outer, Set<String> inner) {
        return inner.stream().allMatch(type -> outer.contains(type) || type.equals("integer") && outer.contains("number"));
    }

    private static void compareEnum(String at, JsonNode was, JsonNode is, List<BreakingChange> changes) {
        if (was == null) {
            changes.add(new BreakingChange(at, "enum added " + is + ": " + TIGHTENED));
            return;
        }
        if (is == null) {
            changes.add(new BreakingChange(at, "enum " + was + " removed: " + LOOSENED));
            return;
        }
        for (JsonNode value : was) {
            if (!containsValue(is, value)) {
                changes.add(new BreakingChange(at, "enum value " + value + " removed: earlier producers may send it"));
            }
        }
        for (JsonNode value : is) {
            if (!containsValue(was, value)) {
                changes.add(new BreakingChange(at, "enum value " + value + " added: consumers of the earlier schema "
                        + "reject it"));
            }
        }
    }

    private static void compareBound(String at, String keyword, JsonNode was, JsonNode is, List<BreakingChange> changes) {
        if (sameValue(was, is)) {
            return;
        }
        boolean lower = LOWER_BOUNDS.contains(keyword);
        boolean tightened;
        String what;
        if (was == null) {
            tightened = true;
            what = keyword + " " + is + " added";
        } else if (is == null) {
            tightened = false;
            what = keyword + " " + was + " removed";
        } else if (!was.isNumber() || !is.isNumber()) {
            changes.add(new BreakingChange(at, keyword + " changed from " + was + " to " + is + ": " + EITHER));
            return;
        } else {
            boolean raised = is.decimalValue().compareTo(was.decimalValue()) > 0;
            tightened = lower == raised;
            what = keyword + (raised ? " raised" : " lowered") + " from " + was + " to " + is;
        }
        changes.add(new BreakingChange(at, what + " (" + (tightened ? "tightened" : "loosened") + "): "
                + (tightened ? TIGHTENED : LOOSENED)));
    }

    private static void compareSchemaList(String at, String keyword, JsonNode was, JsonNode is,
            List<BreakingChange> changes) {
        if (was == null || is == null || !was.isArray() || !is.isArray() || was.size() != is.size()) {
            changes.add(new BreakingChange(at, keyword + " changed from " + describe(was) + " to " + describe(is) + ": "
                    + EITHER));
            return;
        }
        for (int i = 0; i < was.size(); i++) {
            compare(at + "/" + i, was.get(i), is.get(i), changes);
        }
    }

    private static void compareSchemaMap(String at, String keyword, JsonNode was, JsonNode is,
            List<BreakingChange> changes) {
        JsonNode before = was == null ? JsonNodeFactory.instance.objectNode() : was;
        JsonNode after = is == null ? JsonNodeFactory.instance.objectNode() : is;
        for (String name : fieldNames(before)) {
            if (!after.has(name)) {
                changes.add(new BreakingChange(at + "/" + escape(name), keyword + " entry '" + name + "' removed: "
                        + EITHER));
            } else {
                compare(at + "/" + escape(name), before.get(name), after.get(name), changes);
            }
        }
        if (!DEFINITION_KEYWORDS.contains(keyword)) {
            for (String name : fieldNames(after)) {
                if (!before.has(name)) {
                    changes.add(new BreakingChange(at + "/" + escape(name), keyword + " entry '" + name + "' added: "
                            + EITHER));
                }
            }
        }
    }

    private static void compareValue(String at, String keyword, JsonNode was, JsonNode is,
            List<BreakingChange> changes) {
        if (sameValue(was, is)) {
            return;
        }
        String reason;
        if (was == null) {
            reason = keyword + " " + is + " added: " + TIGHTENED;
        } else if (is == null) {
            reason = keyword + " " + was + " removed: " + LOOSENED;
        } else {
            reason = keyword + " changed from " + was + " to " + is + ": " + EITHER;
        }
        changes.add(new BreakingChange(at, reason));
    }

    /** A missing schema and {@code true} accept everything, as an empty object does. */
    private static JsonNode normalised(JsonNode schema) {
        return schema == null || (schema.isBoolean() && schema.booleanValue())
                ? JsonNodeFactory.instance.objectNode()
                : schema;
    }

    private static boolean acceptsAll(JsonNode schema) {
        JsonNode normalised = normalised(schema);
        if (!normalised.isObject()) {
            return false;
        }
        for (String keyword : fieldNames(normalised)) {
            if (!ANNOTATIONS.contains(keyword)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode value) {
        return value == null ? "absent" : value.toString();
    }

    private static Set<String> names(JsonNode value) {
        Set<String> names = new LinkedHashSet<>();
        if (value == null) {
            return names;
        }
        if (value.isArray()) {
            value.forEach(element -> names.add(element.asText()));
        } else {
            names.add(value.asText());
        }
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(field -> names.add(field.getKey()));
        return names;
    }

    private static boolean containsValue(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (sameValue(element, value)) {
                return true;
            }
        }
        return false;
    }

    /** JSON equality, with numbers compared by value ({@code 1} equals {@code 1.0}). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                if (!sameValue(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Escapes a name for a JSON pointer (RFC 6901). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}

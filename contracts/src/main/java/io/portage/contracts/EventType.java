package io.portage.contracts;

import java.net.URI;

/**
 * A versioned canonical event type: its CloudEvents {@code type}, the record its {@code data} binds to, the topic it
 * travels on and its JSON Schema ({@code schemas/<type>.json} in this module, also the {@code dataschema} URI).
 */
public record EventType(String type, Class<?> dataClass, String topic) {

    public static final String SCHEMA_BASE = "https://schemas.portage.io/events/";

    public EventType {
        if (!type.matches("io\\.portage(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*")) {
            throw new IllegalArgumentException("Event types look like io.portage.<aggregate>.<fact>.v<N>: " + type);
        }
    }

    /** The classpath resource holding this type's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }

    public URI dataschema() {
        return URI.create(SCHEMA_BASE + type + ".json");
    }

    public int version() {
        return Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2));
    }
}

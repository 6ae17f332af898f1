package io.portage.console.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads the JSON the services keep as text (evidence, payloads) for people. */
public final class Json {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    /** Indented, or the text as it is when it is not JSON. */
    public static String pretty(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            return JSON.writeValueAsString(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** The first of {@code fields} the JSON object holds as text, at its top level; null when none or not JSON. */
    public static String firstText(String text, String... fields) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            for (String field : fields) {
                if (node.path(field).isTextual()) {
                    return node.path(field).asText();
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Whether {@code text} is a JSON document. */
    public static boolean valid(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unexpected answer from the gateway: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unexpected answer from the gateway: " + e.getOriginalMessage(), e);
        }
    }
}

package io.portage.edge.rest;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a JSON object into its compact text, token by token, without building a tree first: the edge keeps payloads
 * as text and never looks inside them. Anything but an object (an array, a string, a number) is refused as a mismatch
 * naming the field.
 */
public final class JsonObjectText extends StdDeserializer<String> {

    public JsonObjectText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.START_OBJECT)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        StringWriter text = new StringWriter(256);
        try (JsonGenerator generator = parser.getCodec().getFactory().createGenerator(text)) {
            generator.copyCurrentStructure(parser);
        }
        return text.toString();
    }
}

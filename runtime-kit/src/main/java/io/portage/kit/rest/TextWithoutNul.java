package io.portage.kit.rest;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses JSON strings that carry a NUL character (U+0000) as they are read: PostgreSQL cannot store one in
 * text, so without this a request carrying it would fail at the database with a 500 instead of a 400 naming the field.
 */
@Singleton
public class TextWithoutNul implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("portage-text-without-nul").addDeserializer(String.class,
                new NulFreeStringDeserializer()));
    }

    /** Jackson's string deserializer, failing on a NUL character. */
    static final class NulFreeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "Text must not contain a NUL character", text, String.class);
            }
            return text;
        }
    }
}

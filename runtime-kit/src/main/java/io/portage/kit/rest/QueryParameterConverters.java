package io.portage.kit.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads number, date, instant, UUID and enum query parameters and headers so that a value of the wrong form is a 400 naming the
 * parameter: JAX-RS would answer a query parameter it cannot convert with a bare 404.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "must be an integer", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "must be an integer", Long::valueOf);
        }
        if (rawType == BigDecimal.class) {
            return (ParamConverter<T>) converter(name, "must be a decimal number", BigDecimal::new);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "must be a date such as 2026-03-15", LocalDate::parse);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, "must be an ISO 8601 instant such as 2026-03-15T08:00:00Z",
                    Instant::parse);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "must be a UUID", UUID::fromString);
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, "must be one of " + Arrays.toString(type.getEnumConstants()),
                    text -> Enum.valueOf(type, text));
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, String message, Function<String, V> parse) {
        return new ParamConverter<>() {

            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException | DateTimeException e) {
                    throw ProblemException.invalid(name, message);
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }
}

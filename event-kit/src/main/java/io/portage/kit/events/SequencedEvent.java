package io.portage.kit.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * An event as a consumer receives it, before it is read: the CloudEvent id, type, subject (the aggregate) and
 * per-aggregate sequence, all headers, and the raw payload. The {@link Sequencer} orders these per aggregate.
 */
public record SequencedEvent(String eventId, String type, String subject, long sequence, Map<String, String> headers,
        String payload) {

    public SequencedEvent {
        headers = Map.copyOf(headers);
    }

    /**
     * Reads the CloudEvent attributes of a binary-mode record.
     *
     * @throws IllegalArgumentException when {@code ce_id}, {@code ce_type}, {@code ce_subject} or a numeric
     *         {@code ce_sequence} is missing
     */
    public static SequencedEvent of(KafkaRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.getHeaders()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        String subject = headers.getOrDefault("ce_subject", record.getKey());
        return new SequencedEvent(require(headers, "ce_id"), require(headers, "ce_type"),
                subject == null ? require(headers, "ce_subject") : subject, sequence(headers), headers,
                record.getPayload());
    }

    /**
     * The payload read as {@code type}.
     *
     * @throws IllegalArgumentException (the consumer kit makes it a dead letter) when the payload is not one, or empty
     */
    public <D> D data(ObjectMapper json, Class<D> type) {
        D data;
        try {
            data = json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new IllegalArgumentException(this.type + " without a payload");
        }
        return data;
    }

    private static long sequence(Map<String, String> headers) {
        String value = require(headers, "ce_sequence");
        try {
            long sequence = Long.parseLong(value.trim());
            if (sequence < 1) {
                throw new IllegalArgumentException("ce_sequence must be 1 or more, not " + sequence);
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ce_sequence is not a number: " + value);
        }
    }

    private static String require(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + name + " header");
        }
        return value;
    }
}

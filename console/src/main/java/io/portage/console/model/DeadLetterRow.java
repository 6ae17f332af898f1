package io.portage.console.model;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A dead letter as a service's operations API answers it (headers and payload only when read one by one). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadLetterRow(String service, String id, String consumer, String topic, int partition, long offset,
        String key, String eventId, String eventType, String reason, int attempts, String status, Instant createdAt,
        long ageSeconds, String resolvedBy, Map<String, String> headers, String payload, String correctedPayload) {

    public DeadLetterRow from(String from) {
        return new DeadLetterRow(from, id, consumer, topic, partition, offset, key, eventId, eventType, reason, attempts,
                status, createdAt, ageSeconds, resolvedBy, headers, payload, correctedPayload);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public String age() {
        return Ages.of(ageSeconds);
    }

    public String prettyPayload() {
        return Json.pretty(payload);
    }
}

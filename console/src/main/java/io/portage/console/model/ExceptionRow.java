package io.portage.console.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** An exception-queue item as a service's operations API answers it, and the service it came from. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExceptionRow(String service, String id, String type, String ownerRole, String businessKey, String summary,
        String payload, String status, int attempts, String lastError, Instant createdAt, Instant updatedAt,
        long ageSeconds, String resolvedBy, String resolution) {

    public ExceptionRow from(String from) {
        return new ExceptionRow(from, id, type, ownerRole, businessKey, summary, payload, status, attempts, lastError,
                createdAt, updatedAt, ageSeconds, resolvedBy, resolution);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** The age in words: {@code 3 min}, {@code 5 h}, {@code 2 d}. */
    public String age() {
        return Ages.of(ageSeconds);
    }

    /** The payload (the evidence) indented for reading; as it came when it is not JSON. */
    public String evidence() {
        return Json.pretty(payload);
    }

    /** The partner the evidence names ({@code partnerId}, {@code partner} or {@code carrier}), where known. */
    public String partner() {
        return Json.firstText(payload, "partnerId", "partner", "carrier");
    }
}

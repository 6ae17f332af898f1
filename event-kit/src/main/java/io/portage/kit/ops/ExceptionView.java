package io.portage.kit.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An exception-queue item as the operations API shows it, with its age. */
@RegisterForReflection
public record ExceptionView(UUID id, String type, String ownerRole, String businessKey, String summary, String payload,
        ExceptionItem.Status status, int attempts, String lastError, Instant createdAt, Instant updatedAt,
        long ageSeconds, String resolvedBy, String resolution) {

    static ExceptionView of(ExceptionItem item, Instant now) {
        return new ExceptionView(item.id(), item.type(), item.ownerRole(), item.businessKey(), item.summary(),
                item.payload(), item.status(), item.attempts(), item.lastError(), item.createdAt(), item.updatedAt(),
                Duration.between(item.createdAt(), now).toSeconds(), item.resolvedBy(), item.resolution());
    }
}

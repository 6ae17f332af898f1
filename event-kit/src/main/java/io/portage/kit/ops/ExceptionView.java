package io.portage.kit.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An exception-queue item as the operations API shows it, with its age. */
@RegisterForReflection
public record ExceptionView(UUID id, String type, String ownerRole, String businessKey, String summary, String payload,
        ExceptionItem.Status status, int attempts, String lastError, Instant createdAt, Instant updatedAt,
        long ageSeconds, String resolvedBy, String resolution) {

    /** The realm role that sees personal data in items its holder does not own. */
    static final String PERSONAL_DATA_ROLE = "personal-data";

    /**
     * The item as {@code roles} may see it: in full for the item's owner role (the people who act on it need the
     * address or contact) and for {@value #PERSONAL_DATA_ROLE}; for anyone else (an operator looking at finance's
     * item) its summary and evidence with personal data masked.
     */
    static ExceptionView of(ExceptionItem item, Instant now, Set<String> roles) {
        boolean full = roles.contains(item.ownerRole()) || roles.contains(PERSONAL_DATA_ROLE);
        return new ExceptionView(item.id(), item.type(), item.ownerRole(), item.businessKey(),
                full ? item.summary() : PersonalDataMasking.text(item.summary()),
                full ? item.payload() : PersonalDataMasking.payload(item.payload()), item.status(), item.attempts(),
                item.lastError(), item.createdAt(), item.updatedAt(),
                Duration.between(item.createdAt(), now).toSeconds(), item.resolvedBy(), item.resolution());
    }
}

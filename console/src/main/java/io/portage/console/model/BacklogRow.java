package io.portage.console.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A backlog as a service's operations API answers it (count, oldest), and the service it came from. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record BacklogRow(String service, String name, String title, String ownerRole, String itemKind, long count,
        Instant oldest, Long oldestAgeSeconds) {

    public BacklogRow from(String from) {
        return new BacklogRow(from, name, title, ownerRole, itemKind, count, oldest, oldestAgeSeconds);
    }

    /** How long the oldest item has waited, in words; a dash when nothing waits. */
    public String oldestAge() {
        return oldestAgeSeconds == null ? "-" : Ages.of(oldestAgeSeconds);
    }

    /** Where its items are listed in the console. */
    public String link() {
        return "/backlogs/" + service + "/" + name;
    }
}

package io.portage.console.model;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** One waiting item of a backlog as the service lists it: its key, since when it waits, and a detail. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record BacklogItemRow(String item, Instant since, long ageSeconds, String detail) {

    /** The item kinds the console's search looks up (a shipment's timeline). */
    static final Set<String> SEARCHABLE = Set.of("order", "order-id", "odoo", "tracking", "trailer");

    public String age() {
        return Ages.of(ageSeconds);
    }

    /** Whether the console's search finds an item of this {@code kind}. */
    public static boolean searchable(String kind) {
        return SEARCHABLE.contains(kind);
    }
}

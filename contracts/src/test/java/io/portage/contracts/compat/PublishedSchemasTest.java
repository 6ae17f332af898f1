package io.portage.contracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.portage.contracts.Schemas;
import io.portage.contracts.compat.SchemaCompatibility.BreakingChange;

/**
 * Every catalogued version is published: its schema as published is kept in {@code src/test/resources/published/},
 * and the current schema must accept exactly what it accepted. Change a published version and this test fails; publish
 * vN+1 instead.
 */
class PublishedSchemasTest {

    @Test
    void everyCataloguedTypeHasAPublishedSnapshot() {
        for (EventType type : EventCatalog.all()) {
            assertThat(PublishedSchemasTest.class.getResource(published(type)))
                    .as("%s has no snapshot %s: copy its schema there when you publish it", type.type(), published(type))
                    .isNotNull();
        }
    }

    @Test
    void everySnapshotIsStillCatalogued() throws Exception {
        List<String> snapshots;
        try (Stream<Path> files = Files.list(Path.of(PublishedSchemasTest.class.getResource("/published").toURI()))) {
            snapshots = files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", "")).sorted().toList();
        }
        assertThat(snapshots).as("published versions stay in the catalogue while any consumer reads them")
                .allSatisfy(type -> assertThat(EventCatalog.byType(type)).as(type).isPresent());
    }

    @Test
    void noPublishedVersionChangedInABreakingWay() {
        StringBuilder failures = new StringBuilder();
        for (EventType type : EventCatalog.all()) {
            List<BreakingChange> changes = SchemaCompatibility.breakingChanges(Schemas.resource(published(type)),
                    Schemas.schema(type));
            if (!changes.isEmpty()) {
                failures.append(message(type, changes));
            }
        }
        assertThat(failures.toString()).as("breaking changes to published versions").isEmpty();
    }

    @Test
    void theCheckFailsWhenAPublishedSchemaIsTightened() {
        EventType type = EventCatalog.ORDER_RECEIVED_V1;
        ObjectNode tightened = Schemas.schema(type).deepCopy();
        tightened.withObject("properties").withObject("externalId").put("maxLength", 50);
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(Schemas.resource(published(type)), tightened);
        assertThat(changes).extracting(BreakingChange::path).containsExactly("/properties/externalId/maxLength");
        assertThat(message(type, changes)).contains("io.portage.order.received.v2")
                .contains("/properties/externalId/maxLength");
    }

    @Test
    void snapshotsAreTheSchemasAsPublishedNotADifferentFile() {
        for (EventType type : EventCatalog.all()) {
            JsonNode snapshot = Schemas.resource(published(type));
            assertThat(snapshot.path("$id").asText()).as(type.type()).isEqualTo(type.dataschema().toString());
        }
    }

    /** Tells the developer what broke and what to do instead. */
    static String message(EventType type, List<BreakingChange> changes) {
        String next = type.type().substring(0, type.type().lastIndexOf(".v") + 2) + (type.version() + 1);
        return type.type() + " is published, and its schema changed in a way that breaks its producers or consumers:\n"
                + changes.stream().map(change -> "  " + change).collect(Collectors.joining("\n")) + "\n"
                + "Revert the change to schemas/" + type.type() + ".json and publish a new version instead: add schemas/"
                + next + ".json, a record for it and an EventCatalog constant, keep " + type.type()
                + " unchanged while any consumer reads it, and copy the new schema to src/test/resources/published/"
                + next + ".json (see docs/events.md).\n";
    }

    private static String published(EventType type) {
        return "/published/" + type.type() + ".json";
    }
}

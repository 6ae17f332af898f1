package io.portage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code docs/events.md} has one row per catalogued type, on the right topic, and names no other type. */
class EventsMarkdownTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(io\\.portage[^`]+)` \\| `([^`]+)` \\|", Pattern.MULTILINE);
    private static final Pattern TYPE_NAME = Pattern.compile("io\\.portage(\\.[a-z][a-z-]*)+\\.v[0-9]+");

    @Test
    void theTypeTableListsExactlyTheCatalogueOnTheRightTopics() throws IOException {
        String text = Files.readString(docs().resolve("events.md"));
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            rows.add(row.group(1));
            assertThat(EventCatalog.byType(row.group(1))).as(row.group(1) + " is catalogued").isPresent();
            assertThat(row.group(2)).as(row.group(1) + " topic").isEqualTo(EventCatalog.byType(row.group(1)).get().topic());
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventType::type).toList());
        Matcher named = TYPE_NAME.matcher(text);
        while (named.find()) {
            assertThat(EventCatalog.byType(named.group())).as(named.group() + " is catalogued").isPresent();
        }
        assertThat(text).contains(EventCatalog.all().size() + " types");
    }

    private static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("contracts"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("No folder with docs/ and contracts/ above " + Path.of("").toAbsolutePath());
    }
}

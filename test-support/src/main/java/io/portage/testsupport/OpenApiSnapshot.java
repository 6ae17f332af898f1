package io.portage.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.restassured.RestAssured;

/**
 * A service's OpenAPI document as the running service generates it ({@code /q/openapi}), held against the snapshot
 * committed in its {@code src/test/resources/openapi/<service>.json}: the document the gateway's contract test checks
 * its clients against. A change to the API fails the service's build until the snapshot is refreshed on purpose
 * ({@code -Dportage.openapi.refresh=true}), and then the gateway's contract test tells whether the gateway still fits.
 */
public final class OpenApiSnapshot {

    /** System property: write the served document as the snapshot instead of comparing. */
    public static final String REFRESH = "portage.openapi.refresh";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OpenApiSnapshot() {
    }

    /** The committed snapshot of {@code service}, from the module directory the tests run in. */
    public static Path path(String service) {
        return Path.of("src", "test", "resources", "openapi", service + ".json");
    }

    /** Fails unless the document the service under test serves is its committed snapshot (or refreshes it). */
    public static void check(String service) {
        String served = canonical(RestAssured.given()
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Path snapshot = path(service);
        try {
            if (Boolean.getBoolean(REFRESH)) {
                Files.createDirectories(snapshot.getParent());
                Files.writeString(snapshot, served);
                return;
            }
            if (!Files.exists(snapshot)) {
                throw new AssertionError("No OpenAPI snapshot " + snapshot.toAbsolutePath() + ": run this test with -D"
                        + REFRESH + "=true and commit it");
            }
            String committed = Files.readString(snapshot);
            if (!served.equals(committed)) {
                throw new AssertionError(service + "'s API changed (" + firstDifference(committed, served) + "). If on "
                        + "purpose, refresh " + snapshot + " with -D" + REFRESH + "=true, commit it and run the gateway's "
                        + "contract test (ClientContractTest).");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(String committed, String served) {
        String[] was = committed.split("\n", -1);
        String[] is = served.split("\n", -1);
        for (int line = 0; line < Math.min(was.length, is.length); line++) {
            if (!was[line].equals(is[line])) {
                return "line " + (line + 1) + ": snapshot '" + was[line].strip() + "', served '" + is[line].strip() + "'";
            }
        }
        return "snapshot " + was.length + " lines, served " + is.length;
    }

    /** Keys sorted and indented, so a snapshot's diff shows what changed and nothing else. */
    static String canonical(String document) {
        try {
            return JSON.writeValueAsString(JSON.readValue(document, Map.class)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

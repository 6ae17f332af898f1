package io.portage.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An Odoo 18.0 stand-in for a service's tests (database {@code portage}, user {@code bot} with an API key), with
 * {@code portage.odoo.url} and {@code portage.odoo.api-key} pointed at it; {@link #standin()} for faults and records.
 */
public class OdooStandinResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "bot-api-key";
    private static volatile OdooStandin standin;
    /** The usual database while another one answers in its place. */
    private static volatile OdooStandin usual;
    /**
     * One address for every stand-in of this JVM, so each test application meets the same Odoo instance (a system
     * property: each test application has class loaders of its own, so a static field would not outlive it).
     */
    private static final String PORT = "portage.test.odoo-standin.port";

    /** The running stand-in of the current test application. */
    public static OdooStandin standin() {
        return standin;
    }

    @Override
    public Map<String, String> start() {
        OdooStandin.Builder builder = builder();
        String port = System.getProperty(PORT);
        if (port != null) {
            builder.port(Integer.parseInt(port));
        }
        standin = builder.build().start();
        System.setProperty(PORT, Integer.toString(standin.port()));
        return Map.of("portage.odoo.url", standin.baseUrl(), "portage.odoo.database", "portage", "portage.odoo.login",
                "bot", "portage.odoo.api-key", API_KEY);
    }

    /**
     * Replaces the stand-in by another database at the same address, created at {@code databaseCreated}: what a service
     * sees when its Odoo is restored from a copy or swapped for another stage. The usual database is stopped, not
     * dropped: {@link #restoreTheUsualDatabase()} brings it back with its records.
     */
    public static OdooStandin replaceWithAnotherDatabase(Instant databaseCreated) {
        if (usual == null) {
            usual = standin;
        }
        int port = standin.port();
        standin.close();
        standin = builder().port(port).databaseCreated(databaseCreated).build().start();
        return standin;
    }

    /** The usual database back at the same address, with its records (after {@link #replaceWithAnotherDatabase}). */
    public static OdooStandin restoreTheUsualDatabase() {
        if (usual != null && standin != usual) {
            standin.close();
            standin = usual.start();
        }
        return standin;
    }

    /**
     * One Odoo database for every test application of a module (they may share a PostgreSQL database, which binds the
     * Odoo instance it first met): the same address and creation date whichever stand-in answers.
     */
    private static final Instant DATABASE_CREATED = Instant.parse("2024-01-15T08:00:00Z");

    private static OdooStandin.Builder builder() {
        return OdooStandin.builder()
                .databaseCreated(DATABASE_CREATED)
                .version("18.0")
                .database("portage")
                .user("bot", "bot-password")
                .apiKey(API_KEY)
                .latency(Duration.ZERO);
    }

    @Override
    public void stop() {
        if (standin != null) {
            standin.close();
        }
        if (usual != null) {
            usual.close();
            usual = null;
        }
    }
}

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

    /** The running stand-in of the current test application. */
    public static OdooStandin standin() {
        return standin;
    }

    @Override
    public Map<String, String> start() {
        standin = builder().build().start();
        return Map.of("portage.odoo.url", standin.baseUrl(), "portage.odoo.database", "portage", "portage.odoo.login",
                "bot", "portage.odoo.api-key", API_KEY);
    }

    /**
     * Replaces the stand-in by another database at the same address, created at {@code databaseCreated}: what a service
     * sees when its Odoo is restored from a copy or swapped for another stage.
     */
    public static OdooStandin replaceWithAnotherDatabase(Instant databaseCreated) {
        int port = standin.port();
        standin.close();
        standin = builder().port(port).databaseCreated(databaseCreated).build().start();
        return standin;
    }

    private static OdooStandin.Builder builder() {
        return OdooStandin.builder()
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
    }
}

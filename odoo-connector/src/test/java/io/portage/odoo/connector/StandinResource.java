package io.portage.odoo.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts an Odoo 18.0 stand-in for the test application and points {@code portage.odoo.*} at it, key from a file. */
public class StandinResource implements QuarkusTestResourceLifecycleManager {

    static OdooStandin standin;
    static Path keyFile;

    @Override
    public Map<String, String> start() {
        standin = Standins.start("18.0");
        try {
            keyFile = Files.createTempFile("odoo-api-key", ".txt");
            Files.writeString(keyFile, Standins.API_KEY + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("portage.odoo.url", standin.baseUrl(), "portage.odoo.api-key-file", keyFile.toString());
    }

    @Override
    public void stop() {
        if (standin != null) {
            standin.close();
        }
    }

    /** Stand-ins as the tests use them: database portage, user bot, no added latency. */
    static final class Standins {

        static final String PASSWORD = "bot-password";
        static final String API_KEY = "bot-api-key";

        static OdooStandin start(String version) {
            return OdooStandin.builder()
                    .version(version)
                    .database("portage")
                    .user("bot", PASSWORD)
                    .apiKey(API_KEY)
                    .latency(Duration.ZERO)
                    .build()
                    .start();
        }
    }
}

package io.portage.odoo.sync;

import java.time.Duration;
import java.util.Map;

import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An Odoo 18.0 stand-in for the test application (database portage, user bot), with portage.odoo.* pointed at it. */
public class StandinResource implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "bot-api-key";
    static OdooStandin standin;

    @Override
    public Map<String, String> start() {
        standin = OdooStandin.builder()
                .version("18.0")
                .database("portage")
                .user("bot", "bot-password")
                .apiKey(API_KEY)
                .latency(Duration.ZERO)
                .build()
                .start();
        return Map.of("portage.odoo.url", standin.baseUrl(), "portage.odoo.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (standin != null) {
            standin.close();
        }
    }
}

package io.portage.shipment.tms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.portage.partners.standin.TmsStandin;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the TMS stand-in and yard-service's appointments stand-in (with the realm's token endpoint) and points
 * shipment-service at them, with short guards and pauses.
 */
public class TmsStandins implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "tms-test-webhook-secret";
    public static TmsStandin tms;
    public static YardStandin yard;

    @Override
    public Map<String, String> start() {
        try {
            tms = new TmsStandin("tms-test-key", SECRET);
            yard = new YardStandin();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.ofEntries(Map.entry("portage.tms.enabled", "true"),
                Map.entry("portage.tms.url", tms.url()),
                Map.entry("portage.tms.api-key", "tms-test-key"),
                Map.entry("portage.tms.webhook-secret", SECRET),
                Map.entry("portage.tms.callback-url", "http://shipment-service.test/webhooks/tms"),
                Map.entry("portage.tms.interval", "200ms"),
                Map.entry("portage.tms.timeout", "1s"),
                Map.entry("portage.tms.retries", "0"),
                Map.entry("portage.tms.backoff", "200ms"),
                Map.entry("portage.tms.max-backoff", "1s"),
                Map.entry("portage.tms.batch-size", "500"),
                Map.entry("portage.tms.breaker.request-volume", "4"),
                Map.entry("portage.tms.breaker.delay", "2s"),
                Map.entry("portage.tms.yard.url", yard.url()),
                Map.entry("quarkus.oidc-client.client-enabled", "true"),
                Map.entry("quarkus.oidc-client.auth-server-url", yard.url()),
                Map.entry("quarkus.oidc-client.discovery-enabled", "false"),
                Map.entry("quarkus.oidc-client.token-path", "/token"),
                Map.entry("quarkus.oidc-client.client-id", YardStandin.CLIENT_ID),
                Map.entry("quarkus.oidc-client.credentials.secret", YardStandin.CLIENT_SECRET));
    }

    /** Up and willing again, the TMS calling back the service under test at its port. */
    public static void reset(int port) {
        tms.reset();
        tms.callbacksTo("http://127.0.0.1:" + port + "/webhooks/tms");
        yard.reset();
    }

    @Override
    public void stop() {
        tms.stop();
        yard.stop();
    }
}

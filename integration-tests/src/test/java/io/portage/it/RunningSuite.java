package io.portage.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.portage.stack.EdgeKeys;
import io.portage.stack.KeycloakServer;
import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.OdooStandinProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.Ports;
import io.portage.stack.QuarkusService;

/**
 * Keycloak, Kafka, PostgreSQL, order-, shipment-, yard- and finance-service, the gateway, warehouse WH1's edge agent
 * and the operations console, each its own process on free loopback ports, started once for the test JVM and stopped
 * when it exits.
 */
final class RunningSuite {

    /** Every Portage logger at DEBUG, so a test of what the logs hold covers every level we write. */
    private static final String DEBUG = "quarkus.log.category.\"io.portage\".level";

    /** A Shopify shop whose signed order webhooks order-service takes (partner northwind). */
    static final String SHOP_CHANNEL = "it-shop";
    static final String SHOP_SECRET = "it-shop-webhook-secret";
    /** The Odoo stand-in's bot API key (its products: PT-CHAIR-01, PT-DESK-01, PT-LAMP-01, ...). */
    private static final String ODOO_API_KEY = "it-odoo-key";

    private static RunningSuite instance;

    final LocalStack stack;
    final QuarkusService orders;
    final QuarkusService shipments;
    final QuarkusService yard;
    final QuarkusService finance;
    final QuarkusService gateway;
    final QuarkusService console;
    final QuarkusService edge;
    /** The edge agent's keys: the scanners' (device) and an operator's, made with the agent's own keys command. */
    final EdgeKeys edgeKeys;
    private final List<ManagedProcess> services = new ArrayList<>();
    private final Path logs;
    private final int odooPort;

    private RunningSuite() {
        Path work = Path.of("target", "e2e").toAbsolutePath();
        Path checkout = PortageHome.locate().checkout();
        stack = LocalStack.forTests(work.resolve("stack"), true)
                .start(List.of("orders", "shipments", "yard", "finance", "gateway"));
        KeycloakServer keycloak = stack.keycloak().orElseThrow();
        // Every service verifies the access tokens itself, against the same realm as the gateway.
        // order-service confirms orders in Odoo (the stand-in) and releases them: shipments start from releases.
        odooPort = Ports.free();
        orders = new QuarkusService("order-service", checkout, Ports.free()).withStack(stack, "orders")
                .with(DEBUG, "DEBUG")
                .with("portage.odoo.url", "http://" + Ports.LOOPBACK + ":" + odooPort)
                .with("portage.odoo.database", "portage")
                .with("portage.odoo.login", "bot")
                .withSecret("portage.odoo.api-key", ODOO_API_KEY)
                .with("portage.orders.hand-over.enabled", "true")
                .withSecret("portage.orders.channels." + SHOP_CHANNEL + ".webhook-secret", SHOP_SECRET)
                .with("portage.orders.channels." + SHOP_CHANNEL + ".partner", "northwind")
                .with("quarkus.oidc.auth-server-url", keycloak.issuer());
        shipments = new QuarkusService("shipment-service", checkout, Ports.free()).withStack(stack, "shipments")
                .with(DEBUG, "DEBUG")
                .with("quarkus.oidc.auth-server-url", keycloak.issuer());
        yard = new QuarkusService("yard-service", checkout, Ports.free()).withStack(stack, "yard")
                .with(DEBUG, "DEBUG")
                .with("quarkus.oidc.auth-server-url", keycloak.issuer());
        finance = new QuarkusService("finance-service", checkout, Ports.free()).withStack(stack, "finance")
                .with(DEBUG, "DEBUG")
                .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                .with("portage.odoo.url", "http://" + Ports.LOOPBACK + ":" + odooPort)
                .with("portage.odoo.database", "portage")
                .with("portage.odoo.login", "bot")
                .withSecret("portage.odoo.api-key", ODOO_API_KEY);
        gateway = new QuarkusService("gateway", checkout, Ports.free()).withStack(stack, "gateway")
                .with(DEBUG, "DEBUG")
                .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                .with("portage.gateway.downstreams.order-service.url", orders.baseUrl())
                .with("portage.gateway.downstreams.shipment-service.url", shipments.baseUrl())
                .with("portage.gateway.downstreams.yard-service.url", yard.baseUrl())
                .with("portage.gateway.downstreams.finance-service.url", finance.baseUrl())
                .with("portage.gateway.downstreams.finance-service.ops", "true")
                .with("portage.gateway.onboarding.client-secret", "portage-onboarding-dev-secret")
                .with("portage.gateway.webhooks.allow-http", "true");
        // Warehouse WH1's edge agent forwards to the gateway as the realm's client edge-wh1 (partner wh1).
        edgeKeys = EdgeKeys.in(checkout, work.resolve("stack/edge"));
        edge = new QuarkusService("edge-agent", checkout, Ports.free()).with(DEBUG, "DEBUG")
                .with("portage.edge.store-path", work.resolve("stack/edge/edge-events.db").toString())
                .with("portage.edge.auth.keys-file", edgeKeys.keysFile().toString())
                .with("portage.edge.forward.url", gateway.baseUrl() + "/api/v1/edge/events")
                .with("portage.edge.forward.site", "WH1")
                .with("portage.edge.forward.backoff-initial", "200ms")
                .with("portage.edge.forward.backoff-max", "1s")
                .with("quarkus.oidc-client.auth-server-url", keycloak.issuer())
                .with("quarkus.oidc-client.client-id", "edge-wh1")
                .with("quarkus.oidc-client.credentials.secret", "edge-wh1-dev-secret");
        // The console signs people in at the realm (client portage-console) and calls the gateway with their tokens.
        console = new QuarkusService("console", checkout, Ports.free()).with(DEBUG, "DEBUG")
                .with("quarkus.http.access-log.enabled", "true")
                .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                .with("quarkus.rest-client.gateway.url", gateway.baseUrl());
        logs = work.resolve("services");
        try {
            services.add(OdooStandinProcess.launch(work.resolve("stack/odoo"), checkout, odooPort, "portage", "bot",
                    ODOO_API_KEY, false));
            services.add(orders.start(logs, false, Duration.ofSeconds(90)));
            services.add(shipments.start(logs, false, Duration.ofSeconds(90)));
            services.add(yard.start(logs, false, Duration.ofSeconds(90)));
            services.add(finance.start(logs, false, Duration.ofSeconds(90)));
            services.add(gateway.start(logs, false, Duration.ofSeconds(90)));
            services.add(edge.start(logs, false, Duration.ofSeconds(90)));
            services.add(console.start(logs, false, Duration.ofSeconds(90)));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-stop"));
    }

    static synchronized RunningSuite get() {
        if (instance == null) {
            instance = new RunningSuite();
        }
        return instance;
    }

    /** Where each service writes its log ({@code <name>.log}). */
    Path logs() {
        return logs;
    }

    /** Takes the gateway away, as a warehouse's uplink or the data centre's door would go. */
    synchronized void stopGateway() {
        services.stream().filter(p -> p.name().equals("gateway")).findFirst().ifPresent(process -> {
            process.stop(Duration.ofSeconds(15));
            services.remove(process);
        });
    }

    /** Starts the gateway again on its port. */
    synchronized void startGateway() {
        services.add(gateway.start(logs, false, Duration.ofSeconds(90)));
    }

    /** An access token of a realm client (client credentials). */
    String token(String clientId, String secret) {
        return io.restassured.RestAssured.given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when()
                .post(tokenUrl())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** Waits until shipment-service has planned one shipment for {@code orderId}, read with {@code token}. */
    void awaitShipmentOf(String orderId, String token) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> io.restassured.RestAssured.given()
                        .baseUri(shipments.baseUrl())
                        .auth()
                        .oauth2(token)
                        .queryParam("orderId", orderId)
                        .when()
                        .get("/api/v1/shipments")
                        .then()
                        .statusCode(200)
                        .body("$", org.hamcrest.Matchers.hasSize(1)));
    }

    String tokenUrl() {
        return stack.keycloak().orElseThrow().issuer() + "/protocol/openid-connect/token";
    }

    private void stop() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(Duration.ofSeconds(15));
        }
        services.clear();
        stack.close();
    }
}

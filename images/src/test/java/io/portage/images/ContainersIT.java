package io.portage.images;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.portage.stack.KeycloakServer;
import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.Ports;
import io.portage.stack.PostgresServer;
import io.portage.stack.StackVersions;

/**
 * The gateway's and order-service's images, as the build made them, run under podman (host network, read-only root,
 * no capabilities, as the chart runs them) against this test's own PostgreSQL, Kafka and Keycloak: both become ready
 * and answer requests with a Keycloak token, the gateway's reaching order-service's container.
 */
class ContainersIT {

    private static final String PREFIX = "portage-it-";

    private static Podman podman;
    private static LocalStack stack;
    private static KeycloakServer keycloak;
    private static ManagedProcess keycloakProcess;
    private static final List<String> containers = new ArrayList<>();
    private static int ordersPort;
    private static int gatewayPort;

    @BeforeAll
    static void start() throws IOException {
        Path work = Path.of("target", "containers").toAbsolutePath();
        Optional<Podman> found = Podman.find(work);
        if (found.isEmpty()) {
            if ("skip".equals(System.getProperty("portage.images.podman"))) {
                Assumptions.abort("podman is not installed; container test skipped (-Dportage.images.podman=skip)");
            }
            fail("podman is not installed, and this test runs the images under it: install it (Debian: apt-get install"
                    + " podman runc; .ci/run does) or, on a developer machine only, skip the test with"
                    + " -Dportage.images.podman=skip");
        }
        podman = found.get();
        long started = System.nanoTime();
        stack = LocalStack.forTests(work.resolve("stack"), false).start(List.of("orders", "gateway"));
        // Keycloak takes longest to start; the services reach it only at their first request, so it starts beside them.
        keycloak = new KeycloakServer(PortageHome.locate().keycloakDistribution(StackVersions.load()),
                work.resolve("stack/keycloak"), Ports.free(), Ports.free());
        CompletableFuture<ManagedProcess> keycloakStarting = CompletableFuture
                .supplyAsync(() -> keycloak.start(false, Duration.ofSeconds(240)));
        long stackUp = System.nanoTime();
        String orders = load("order-service");
        String gateway = load("gateway");
        long loaded = System.nanoTime();
        ordersPort = Ports.free();
        gatewayPort = Ports.free();
        Map<String, String> ordersEnv = serviceEnv(ordersPort, "orders");
        Map<String, String> gatewayEnv = serviceEnv(gatewayPort, "gateway");
        gatewayEnv.put("PORTAGE_GATEWAY_DOWNSTREAMS_ORDER_SERVICE_URL", "http://" + Ports.LOOPBACK + ":" + ordersPort);
        run("order-service", orders, ordersEnv);
        run("gateway", gateway, gatewayEnv);
        try {
            keycloakProcess = keycloakStarting.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
        long keycloakUp = System.nanoTime();
        awaitReady("order-service", ordersPort);
        awaitReady("gateway", gatewayPort);
        System.out.printf("ContainersIT: PostgreSQL and Kafka %.1f s, images loaded in %.1f s, Keycloak ready %.1f s"
                + " and both containers %.1f s after the images%n", (stackUp - started) / 1e9, (loaded - stackUp) / 1e9,
                (keycloakUp - loaded) / 1e9, (System.nanoTime() - loaded) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (podman != null) {
            for (String container : containers) {
                podman.quietly("rm", "--force", "--time", "10", container);
            }
        }
        if (keycloakProcess != null) {
            keycloakProcess.stop(Duration.ofSeconds(15));
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theGatewayAnswersAPartnersTokenAndRefusesNone() {
        given().baseUri(url(gatewayPort)).when().get("/api/v1/me").then().statusCode(401);
        given().baseUri(url(gatewayPort))
                .auth()
                .oauth2(token("northwind-shop", "northwind-dev-secret"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo("northwind"));
    }

    @Test
    void anOrderPostedThroughTheGatewayIsStoredByOrderServicesContainer() {
        String token = token("northwind-shop", "northwind-dev-secret");
        String externalId = "IMG-" + UUID.randomUUID();
        String orderId = given().baseUri(url(gatewayPort))
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body("""
                        {"channel":"northwind-shop","externalId":"%s","warehouse":"WH1",
                         "customer":{"name":"Ada Lovelace","email":"ada@example.com",
                           "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
                         "lines":[{"sku":"PT-CHAIR-01","quantity":2}]}
                        """.formatted(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(url(ordersPort))
                .auth()
                .oauth2(token)
                .when()
                .get("/api/v1/orders/" + orderId)
                .then()
                .statusCode(200)
                .body("externalId", equalTo(externalId));
        given().baseUri(url(ordersPort)).when().get("/api/v1/orders/" + orderId).then().statusCode(401);
    }

    @Test
    void theContainersRunAsUser185WithTheirDeploymentsJvmOptions() {
        for (String service : List.of("order-service", "gateway")) {
            String user = podman.run("top", PREFIX + service, "user").strip();
            assertThat(user.lines().skip(1).toList()).as(service + "'s processes")
                    .isNotEmpty()
                    .allMatch(
                            line -> line.strip().equals("185") || line.strip().equals("portage"));
            String env = podman.run("inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}",
                    PREFIX + service);
            assertThat(env).contains("JDK_JAVA_OPTIONS=-XX:+UseSerialGC -XX:MaxRAMPercentage=60");
            assertThat(podman.run("logs", PREFIX + service)).contains("Picked up JDK_JAVA_OPTIONS");
        }
    }

    /**
     * The image from the build's OCI layout into podman's storage (layers it holds already, the base among them, are
     * not copied again); the previous build's image of that name is removed, so runs do not pile images up.
     */
    private static String load(String service) {
        String name = System.getProperty("portage.images.repository", "ghcr.io/portage") + "/" + service + ":"
                + System.getProperty("portage.images.version");
        String layout = System.getProperty("portage.images.layout");
        String previous = podman.quietly("image", "inspect", "--format", "{{.Id}}", name).strip();
        String pulled = podman.run("pull", "--quiet", "oci:" + layout + ":" + name).strip();
        String id = pulled.substring(pulled.lastIndexOf('\n') + 1).strip();
        podman.run("tag", id, name);
        if (!previous.isEmpty() && !id.startsWith(previous) && !previous.startsWith(id)) {
            podman.quietly("rmi", previous);
        }
        return name;
    }

    private static Map<String, String> serviceEnv(int port, String database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", Ports.LOOPBACK);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", stack.postgres().reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.postgres().jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        return env;
    }

    private static void run(String service, String image, Map<String, String> env) {
        String name = PREFIX + service;
        podman.quietly("rm", "--force", name);
        List<String> args = new ArrayList<>(List.of("run", "--detach", "--name", name, "--network=host", "--read-only",
                "--tmpfs", "/tmp:rw,mode=1777", "--cap-drop=ALL", "--security-opt=no-new-privileges"));
        env.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.add(image);
        podman.run(args.toArray(String[]::new));
        containers.add(name);
    }

    private static void awaitReady(String service, int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(port) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            String state = podman.run("inspect", "--format", "{{.State.Status}}", PREFIX + service).strip();
            if (!state.equals("running")) {
                fail(service + "'s container is " + state + ":\n" + podman.run("logs", PREFIX + service));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail(service + "'s container was not ready within 120 s:\n" + podman.run("logs", PREFIX + service));
    }

    private static String token(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when()
                .post(keycloak.issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String url(int port) {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }
}

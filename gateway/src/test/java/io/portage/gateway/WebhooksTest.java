package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.portage.gateway.webhook.WebhookSignature;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Webhooks against real Kafka and PostgreSQL, with subscribers in the test: partners receive their own events only,
 * signed; a tampered delivery fails verification; a failing subscriber is retried, given up, disabled, and after it is
 * enabled again the replayed and the waiting deliveries arrive. (%test: retries 200 ms x3, polled every second, so
 * given up about 3 s after the first attempt; disabled after 5 s of failures.)
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NORTHWIND = TestTokens.partner("northwind", "webhooks:manage").sign();
    private static final String ACME = TestTokens.partner("acme", "webhooks:manage").sign();

    /** What each path of the subscriber received: headers we check and the body. */
    record Received(String id, String timestamp, String signature, String body) {
    }

    static HttpServer subscriber;
    static final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    static final AtomicBoolean failing = new AtomicBoolean(true);

    @BeforeAll
    static void listen() throws IOException {
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/", WebhooksTest::receive);
        subscriber.start();
    }

    @AfterAll
    static void stop() {
        subscriber.stop(0);
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                .add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        int status = path.startsWith("/fail") && failing.get() ? 500 : 204;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static String endpoint(String path) {
        return "http://127.0.0.1:" + subscriber.getAddress().getPort() + path;
    }

    static Map<String, Object> subscribe(String token, String path, List<String> types) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("url", endpoint(path), "eventTypes", types))
                .when()
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("status", equalTo("ACTIVE"))
                .extract()
                .jsonPath()
                .getMap("$");
    }

    static String publish(String partner, String type) {
        String id = UUID.randomUUID().toString();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            String order = UUID.randomUUID().toString();
            ProducerRecord<String, String> record = new ProducerRecord<>("portage.orders", order,
                    "{\"orderId\":\"" + order + "\",\"partnerId\":\"" + partner + "\"}");
            Map.of("ce_id", id, "ce_type", type, "ce_specversion", "1.0", "ce_source", "urn:portage:order-service",
                    "ce_subject", order, "ce_time", Instant.now().toString(), "ce_partnerid", partner, "ce_sequence", "3")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return id;
    }

    static List<Map<String, Object>> deliveries(String token, Object subscription) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void partnersReceiveTheirOwnEventsSigned() throws Exception {
        Map<String, Object> northwind = subscribe(NORTHWIND, "/northwind", List.of("io.portage.order.released.v2"));
        Map<String, Object> acme = subscribe(ACME, "/acme", List.of("*"));
        String mine = publish("northwind", "io.portage.order.released.v2");
        String cancelled = publish("northwind", "io.portage.order.cancelled.v1"); // not a type northwind wants
        String theirs = publish("acme", "io.portage.order.released.v2");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(received.getOrDefault("/northwind", List.of())).extracting(Received::id).containsExactly(mine);
            assertThat(received.getOrDefault("/acme", List.of())).extracting(Received::id).containsExactly(theirs);
        });
        Received delivery = received.get("/northwind").get(0);
        JsonNode event = JSON.readTree(delivery.body());
        assertThat(event.path("id").asText()).isEqualTo(mine);
        assertThat(event.path("type").asText()).isEqualTo("io.portage.order.released.v2");
        assertThat(event.path("partnerid").asText()).isEqualTo("northwind");
        assertThat(event.path("data").path("partnerId").asText()).isEqualTo("northwind");

        String secret = (String) northwind.get("secret");
        assertThat(WebhookSignature.verify(secret, delivery.id(), delivery.timestamp(), delivery.body(),
                delivery.signature(), Duration.ofMinutes(5), Instant.now())).isTrue();
        // Tampered, replayed late, or signed with acme's secret: refused.
        assertThat(WebhookSignature.verify(secret, delivery.id(), delivery.timestamp(),
                delivery.body().replace("northwind", "acme"), delivery.signature(), Duration.ofMinutes(5), Instant.now()))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, delivery.id(), delivery.timestamp(), delivery.body(),
                delivery.signature(), Duration.ofMinutes(5), Instant.now().plus(Duration.ofMinutes(10)))).isFalse();
        assertThat(WebhookSignature.verify((String) acme.get("secret"), delivery.id(), delivery.timestamp(),
                delivery.body(), delivery.signature(), Duration.ofMinutes(5), Instant.now())).isFalse();

        // The log is written once the subscriber's answer is in.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deliveries(NORTHWIND, northwind.get("id")))
                        .singleElement()
                        .satisfies(d -> assertThat(d).containsEntry("status", "DELIVERED").containsEntry("eventId", mine)));
        assertThat(cancelled).isNotNull();

        // One partner cannot see or touch another's subscription.
        given().auth().oauth2(ACME).when().get("/api/v1/webhooks/subscriptions/" + northwind.get("id")).then().statusCode(404);
        given().auth()
                .oauth2(ACME)
                .when()
                .get("/api/v1/webhooks/subscriptions/" + northwind.get("id") + "/deliveries")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ACME)
                .when()
                .delete("/api/v1/webhooks/subscriptions/" + northwind.get("id"))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ACME)
                .when()
                .get("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(acme.get("id"))))
                .body("[0].secret", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .when()
                .get("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(403);
    }

    @Test
    void aFailingSubscriberIsRetriedGivenUpDisabledAndRecovers() throws Exception {
        Map<String, Object> subscription = subscribe(NORTHWIND, "/fail", List.of("io.portage.order.accepted.v1"));
        Object id = subscription.get("id");
        long started = System.nanoTime();
        String first = publish("northwind", "io.portage.order.accepted.v1");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(deliveries(NORTHWIND, id)).singleElement()
                        .satisfies(d -> assertThat(d).containsEntry("status", "FAILED")
                                .containsEntry("attempts", 4)
                                .containsEntry("lastStatus", 500)));
        assertThat(received.get("/fail")).hasSize(4).extracting(Received::id).containsOnly(first);

        // Failing on for longer than disable-after: the next failure disables the subscription, and its delivery waits.
        Thread.sleep(Math.max(0, 5_500 - (System.nanoTime() - started) / 1_000_000));
        String second = publish("northwind", "io.portage.order.accepted.v1");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(NORTHWIND)
                        .when()
                        .get("/api/v1/webhooks/subscriptions/" + id)
                        .then()
                        .body("status", equalTo("DISABLED"))
                        .body("disabledReason", startsWith("Every delivery failed since")));
        given().auth()
                .oauth2(NORTHWIND)
                .when()
                .post("/api/v1/webhooks/subscriptions/" + id + "/deliveries/1/replay")
                .then()
                .statusCode(409);

        // The partner fixes its endpoint, enables the subscription and replays what was given up.
        failing.set(false);
        given().auth()
                .oauth2(NORTHWIND)
                .when()
                .post("/api/v1/webhooks/subscriptions/" + id + "/enable")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        Object given = deliveries(NORTHWIND, id).stream()
                .filter(d -> first.equals(d.get("eventId")))
                .findFirst()
                .orElseThrow()
                .get("id");
        given().auth()
                .oauth2(NORTHWIND)
                .when()
                .post("/api/v1/webhooks/subscriptions/" + id + "/deliveries/" + given + "/replay")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(deliveries(NORTHWIND, id))
                        .extracting(d -> d.get("eventId") + "=" + d.get("status"))
                        .containsExactlyInAnyOrder(first + "=DELIVERED", second + "=DELIVERED"));
    }

    @Test
    void badSubscriptionsAreRefusedWithTheField() {
        // A host without a scheme, a relative path, a scheme without a host: refused naming the field, never a 500.
        for (String url : List.of("ftp://example.com/hook", "//example.com/hook", "/hook", "https:/hook", "https://",
                "mailto:ops@example.com", "https://exa mple.com/x")) {
            given().auth()
                    .oauth2(NORTHWIND)
                    .contentType("application/json")
                    .body(Map.of("url", url, "eventTypes", List.of("*")))
                    .when()
                    .post("/api/v1/webhooks/subscriptions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("url"));
        }
        given().auth()
                .oauth2(NORTHWIND)
                .contentType("application/json")
                .body(Map.of("url", endpoint("/x"), "eventTypes", List.of("io.portage.order.released.v2", "nope")))
                .when()
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("eventTypes[1]"));
        Object id = subscribe(NORTHWIND, "/filtered", List.of("*")).get("id");
        for (String status : List.of("%00", "PENDING%00", "nope", "pending")) {
            given().auth()
                    .oauth2(NORTHWIND)
                    .urlEncodingEnabled(false)
                    .when()
                    .get("/api/v1/webhooks/subscriptions/" + id + "/deliveries?status=" + status)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("status"));
        }
        given().auth()
                .oauth2(NORTHWIND)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(400);
    }
}

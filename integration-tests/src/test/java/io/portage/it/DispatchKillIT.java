package io.portage.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.odoo.standin.Fault;
import io.portage.odoo.standin.OdooStandin;
import io.portage.partners.standin.ParcelApiStandin;
import io.portage.stack.KeycloakServer;
import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.Ports;
import io.portage.stack.PostgresServer;
import io.portage.stack.QuarkusService;
import io.portage.stack.StackVersions;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * {@code kill -9} of shipment-service while Odoo validates a partial dispatch: a 3PL's shipping advice (945) ships 3
 * of 4 chairs and 1 of 2 lamps, Odoo commits a step of the validation (the wizard opened, or answered) but its answer is
 * held back, the service is killed before it hears, restarted on the same database, and the advice is delivered twice
 * more; Odoo's delivery is validated exactly once, with one backorder of the rest, and the shipment is dispatched once.
 */
class DispatchKillIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ODOO_KEY = "kill-odoo-key";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The stand-in's seeds: products PT-CHAIR-01 and PT-LAMP-01, customer Azure Interior, carrier Express Courier. */
    static final int CHAIR = 1;
    static final int LAMP = 3;
    static final int AZURE = 3;
    static final int EXPRESS_COURIER = 2;
    static final String BACKORDER_WIZARD = "stock.backorder.confirmation";

    static Path work;
    static LocalStack stack;
    static KeycloakServer keycloak;
    static CompletableFuture<ManagedProcess> realm;
    static OdooStandin odoo;
    static ParcelApiStandin parcelco;
    static QuarkusService shipments;
    static ManagedProcess service;
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        work = Path.of("target", "dispatch-kill").toAbsolutePath();
        PortageHome home = PortageHome.locate();
        // Wiped first: the stack, Keycloak's folder and both runs' logs all live under it.
        stack = LocalStack.forTests(work, false);
        keycloak = new KeycloakServer(home.keycloakDistribution(StackVersions.load()), work.resolve("keycloak"),
                Ports.free(), Ports.free());
        // Keycloak takes longest: it starts while PostgreSQL, Kafka and the service do.
        realm = CompletableFuture.supplyAsync(() -> keycloak.start(false, Duration.ofSeconds(240)));
        stack.start(List.of("shipments"));
        odoo = OdooStandin.builder()
                .version("18.0")
                .database("portage")
                .user("bot", "bot-password")
                .apiKey(ODOO_KEY)
                .build()
                .start();
        parcelco = new ParcelApiStandin("parcelco", "kill-parcelco-key", new BigDecimal("4.00"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new StringSerializer());
        shipments = new QuarkusService("shipment-service", home.checkout(), Ports.free())
                .withStack(stack, "shipments")
                .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                .with("portage.odoo.url", odoo.baseUrl())
                .with("portage.odoo.database", "portage")
                .with("portage.odoo.login", "bot")
                .withSecret("portage.odoo.api-key", ODOO_KEY)
                .with("portage.shipments.odoo.enabled", "true")
                .with("portage.shipments.odoo.interval", "200ms")
                // A claim runs out 3 s after a worker took it: the item is due again after a restart.
                .with("portage.shipments.odoo.claim", "3s")
                .with("portage.carriers.parcelco.style", "PARCEL_API")
                .with("portage.carriers.parcelco.url", parcelco.url())
                .withSecret("portage.carriers.parcelco.api-key", "kill-parcelco-key")
                .with("portage.carriers.parcelco.odoo-carrier-id", Integer.toString(EXPRESS_COURIER));
        service = shipments.start(work.resolve("before-kill"), false, Duration.ofSeconds(120));
        realm.join();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop(Duration.ofSeconds(15));
        }
        if (producer != null) {
            producer.close();
        }
        if (parcelco != null) {
            parcelco.stop();
        }
        if (odoo != null) {
            odoo.close();
        }
        if (realm != null) {
            ManagedProcess keycloakProcess = realm.handle((process, failure) -> process).join();
            if (keycloakProcess != null) {
                keycloakProcess.stop(Duration.ofSeconds(15));
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Where in Odoo's validation of a short delivery the service is killed: after Odoo committed {@code button_validate}
     * (which only opens the backorder wizard: nothing validated yet), or after it committed the wizard's
     * {@code process} (the delivery validated, its backorder made).
     */
    enum KillPoint {

        WIZARD_OPENED("stock.picking", "button_validate", 2), WIZARD_ANSWERED(BACKORDER_WIZARD, "process", 1);

        final String model;
        final String method;
        /** How often button_validate is called in all: again after a restart when the first never got to process. */
        final int buttonValidates;

        KillPoint(String model, String method, int buttonValidates) {
            this.model = model;
            this.method = method;
            this.buttonValidates = buttonValidates;
        }
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aServiceKilledWhileOdooValidatesThePartialDispatchValidatesItOnce(KillPoint point) throws Exception {
        int validatesBefore = odoo.calls("stock.picking", "button_validate");
        int processesBefore = odoo.calls(BACKORDER_WIZARD, "process");
        String externalId = "NW-" + UUID.randomUUID();
        int saleId = rpc("sale.order", "create", List.of(Map.of("partner_id", AZURE, "client_order_ref",
                "northwind-shop:" + externalId, "order_line", List.of(line(CHAIR, 4), line(LAMP, 2))))).asInt();
        rpc("sale.order", "action_confirm", List.of(List.of(saleId)));
        Map<String, Object> delivery = single(odoo.records("stock.picking"), "sale_id", saleId);
        int deliveryId = (Integer) delivery.get("id");

        String orderId = UUID.randomUUID().toString();
        produce(record(Topics.ORDERS, orderId, EventCatalog.ORDER_RELEASED_V2.type(), UUID.randomUUID().toString(),
                released(orderId, externalId, saleId, (String) single(odoo.records("sale.order"), "id", saleId)
                        .get("name"), deliveryId)));
        String partner = token("northwind-shop", "northwind-dev-secret");
        String ops = token("portage-ops", "portage-ops-dev-secret");
        String shipmentId = await().atMost(WAIT)
                .until(() -> api(partner)
                        .queryParam("orderId", orderId)
                        .get("/api/v1/shipments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("[0].id"),
                        id -> id != null);
        String tracking = api(partner)
                .contentType(ContentType.JSON)
                .body(Map.of("parcels", List.of(Map.of("weightKg", 12, "lengthCm", 60, "widthCm", 40, "heightCm", 40))))
                .post("/api/v1/shipments/" + shipmentId + "/label")
                .then()
                .statusCode(201)
                .extract()
                .path("shipment.label.trackingNumber");
        await().atMost(WAIT).until(() -> tracking.equals(picking(deliveryId).get("carrier_tracking_ref")));

        // Short, button_validate only opens the backorder wizard: its answer, process, validates. Odoo will commit the
        // call of the kill point, then hold its answer back for 5 s: the service is killed while it waits.
        odoo.faults().failNext(point.model, point.method, 1, Fault.TIMEOUT_AFTER_COMMIT);
        int before = odoo.calls(point.model, point.method);
        ProducerRecord<String, String> advice = shipConfirmed(UUID.randomUUID().toString(), orderId, tracking);
        produce(advice);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> odoo.calls(point.model, point.method) == before + 1);
        long validatedAt = System.nanoTime();
        service.kill(Duration.ofSeconds(10));
        long killed = System.nanoTime();

        if (point == KillPoint.WIZARD_ANSWERED) {
            await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(picking(deliveryId).get("state")));
        } else {
            assertThat(picking(deliveryId).get("state")).as("the wizard opened, nothing validated").isNotEqualTo("done");
        }
        assertThat(dispatchHandOver(shipmentId)).as("the service never heard Odoo's answer")
                .containsEntry("status", "PENDING")
                .containsEntry("done_at", null);
        assertThat(Files.readString(service.logFile())).doesNotContain("(DISPATCH of shipment " + shipmentId + ") done");

        // Restarted on the same database; the advice comes again as Kafka redelivers it and as the 3PL resends it.
        service = shipments.start(work.resolve("after-kill-" + point), false, Duration.ofSeconds(120));
        long restarted = System.nanoTime();
        produce(advice);
        produce(shipConfirmed(UUID.randomUUID().toString(), orderId, tracking));
        api(partner)
                .contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 3), Map.of("sku", "PT-LAMP-01",
                        "quantity", 1))))
                .post("/api/v1/shipments/" + shipmentId + "/dispatch")
                .then()
                .statusCode(409);
        await().atMost(WAIT)
                .untilAsserted(() -> api(ops)
                        .get("/ops/shipments/" + shipmentId + "/odoo")
                        .then()
                        .statusCode(200)
                        .body("find { it.kind == 'DISPATCH' }.status", equalTo("DONE")));
        long handedOver = System.nanoTime();
        assertThat(Files.readString(service.logFile())).contains("(DISPATCH of shipment " + shipmentId + ") done");
        awaitConsumed("shipment-service.ship-confirmed", Topics.WAREHOUSE);

        // Odoo: validated once, with what left; one backorder of the rest; carrier and tracking reference on it.
        assertThat(odoo.calls("stock.picking", "button_validate") - validatesBefore).as("button_validate calls")
                .isEqualTo(point.buttonValidates);
        assertThat(odoo.calls(BACKORDER_WIZARD, "process") - processesBefore).as("backorder wizards answered")
                .isEqualTo(1);
        Map<String, Object> validated = picking(deliveryId);
        assertThat(validated.get("state")).isEqualTo("done");
        assertThat(validated.get("carrier_tracking_ref")).isEqualTo(tracking);
        assertThat(id(validated.get("carrier_id"))).isEqualTo(EXPRESS_COURIER);
        assertThat(quantities(validated, "quantity")).isEqualTo(Map.of(CHAIR, 3.0, LAMP, 1.0));
        List<Map<String, Object>> backorders = where(odoo.records("stock.picking"), "backorder_id", deliveryId);
        assertThat(backorders).as("backorders of the delivery").hasSize(1);
        assertThat(backorders.get(0).get("state")).isNotEqualTo("done");
        assertThat(quantities(backorders.get(0), "product_uom_qty")).isEqualTo(Map.of(CHAIR, 1.0, LAMP, 1.0));

        // The service: dispatched once with what left, the rest the order's next shipment, nothing for a person.
        api(partner)
                .get("/api/v1/shipments/" + shipmentId)
                .then()
                .statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("shippedLines.find { it.sku == 'PT-CHAIR-01' }.quantity", equalTo(3))
                .body("shippedLines.find { it.sku == 'PT-LAMP-01' }.quantity", equalTo(1))
                .body("odoo.pickingId", equalTo(deliveryId));
        api(partner)
                .queryParam("orderId", orderId)
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("find { it.splitSeq == 1 }.status", equalTo("PLANNED"));
        api(ops)
                .get("/ops/shipments/" + shipmentId + "/odoo")
                .then()
                .body("find { it.kind == 'DISPATCH' }.result", equalTo(validated.get("name") + " done"))
                .body("find { it.kind == 'DISPATCH' }.lastError", equalTo(null));
        assertThat(count("select count(*) from shipments.exception_item")).as("exception items").isZero();

        // One dispatched fact: one outbox row, one event id on portage.shipments (a resend after the kill keeps its id).
        assertThat(count("select count(*) from shipments.outbox_event where type = '"
                + EventCatalog.SHIPMENT_DISPATCHED_V1.type() + "' and subject = '" + shipmentId + "'")).isEqualTo(1);
        await().atMost(WAIT).until(() -> count("select count(*) from shipments.outbox_event where published_at is null") == 0);
        assertThat(eventIds(Topics.SHIPMENTS, shipmentId, EventCatalog.SHIPMENT_DISPATCHED_V1.type()))
                .as("dispatched events of the shipment")
                .hasSize(1);
        System.out.printf("%s: killed (SIGKILL) %d ms after Odoo took %s.%s; restarted in %.1f s; the hand-over done"
                + " %.1f s after the restart; button_validate called %d times, process once%n", point,
                (killed - validatedAt) / 1_000_000, point.model, point.method, (restarted - killed) / 1e9,
                (handedOver - restarted) / 1e9, point.buttonValidates);
    }

    /** A call to shipment-service with an access token of the realm. */
    static RequestSpecification api(String token) {
        return given().baseUri(shipments.baseUrl()).auth().oauth2(token);
    }

    static List<Object> line(int product, int quantity) {
        return List.of(0, 0, Map.of("product_id", product, "product_uom_qty", quantity));
    }

    /** The release as order-service publishes it, with the sale order and its delivery. */
    static String released(String orderId, String externalId, int saleId, String saleName, int pickingId) {
        return """
                {"orderId":"%s","channel":"northwind-shop","externalId":"%s","partnerId":"northwind","warehouse":"WH1",
                 "fulfiller":{"type":"THIRD_PARTY","id":"3pl-rotterdam"},
                 "shipTo":{"name":"Ada Lovelace","address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
                 "lines":[{"lineNumber":1,"sku":"PT-CHAIR-01","quantity":4},{"lineNumber":2,"sku":"PT-LAMP-01","quantity":2}],
                 "erp":{"erpRef":"sale.order/%d","name":"%s","pickingIds":[%d]},
                 "releasedAt":"%s"}"""
                .formatted(orderId, externalId, saleId, saleName, pickingId, Instant.now());
    }

    /** The 3PL's 945 as edi-gateway relays it: 3 of 4 chairs and 1 of 2 lamps left with the label's tracking number. */
    static ProducerRecord<String, String> shipConfirmed(String id, String orderId, String tracking) {
        String json = """
                {"orderId":"%s","site":"WH1","carrier":"parcelco","trackingNumber":"%s","shipmentReference":"SHP-%s",
                 "lines":[{"lineNumber":1,"sku":"PT-CHAIR-01","orderedQuantity":4,"shippedQuantity":3},
                          {"lineNumber":2,"sku":"PT-LAMP-01","orderedQuantity":2,"shippedQuantity":1}],
                 "shippedAt":"%s"}"""
                .formatted(orderId, tracking, orderId.substring(0, 8), Instant.now());
        return record(Topics.WAREHOUSE, orderId, EventCatalog.SHIP_CONFIRMED_V1.type(), id, json);
    }

    static ProducerRecord<String, String> record(String topic, String key, String type, String id, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "urn:portage:it", "ce_subject", key,
                "ce_sequence", "1", "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    static void produce(ProducerRecord<String, String> record) throws Exception {
        producer.send(record).get();
    }

    /** Waits until {@code group} has committed every record of {@code topic} there is now. */
    static void awaitConsumed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await().atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                return ends.entrySet()
                        .stream()
                        .allMatch(end -> end.getValue() == 0 || committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    /** The distinct ids of the events of {@code type} about {@code subject} on {@code topic}. */
    static Set<String> eventIds(String topic, String subject, String type) {
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic)
                    .stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (subject.equals(record.key()) && type.equals(header(record, "ce_type"))) {
                        ids.add(header(record, "ce_id"));
                    }
                }
            }
        }
        return ids;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The shipment's DISPATCH hand-over row as the worker left it. */
    static Map<String, Object> dispatchHandOver(String shipmentId) throws Exception {
        try (Connection db = database();
                PreparedStatement statement = db.prepareStatement(
                        "select status, attempts, done_at from shipments.odoo_hand_over where shipment_id = ?::uuid and kind = 'DISPATCH'")) {
            statement.setString(1, shipmentId);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("DISPATCH hand-over of " + shipmentId).isTrue();
                Map<String, Object> item = new HashMap<>();
                item.put("status", row.getString("status"));
                item.put("attempts", row.getInt("attempts"));
                item.put("done_at", row.getObject("done_at"));
                return item;
            }
        }
    }

    static long count(String sql) throws Exception {
        try (Connection db = database(); ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(stack.postgres().jdbcUrl("shipments"), PostgresServer.USER, "");
    }

    static String token(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(keycloak.issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A model's method called as the stand-in's bot over JSON-RPC ({@code execute_kw}). */
    static JsonNode rpc(String model, String method, List<?> args) throws Exception {
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "method", "call", "id", 1, "params", Map.of(
                "service", "object", "method", "execute_kw", "args", List.of("portage", 2, ODOO_KEY, model, method,
                        args))));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(odoo.baseUrl() + "/jsonrpc"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.has("error")).as("Odoo's answer to %s.%s: %s", model, method, reply).isFalse();
        return reply.path("result");
    }

    static Map<String, Object> picking(int id) {
        return single(odoo.records("stock.picking"), "id", id);
    }

    /** Quantity per product of a picking's moves that have one. */
    static Map<Integer, Double> quantities(Map<String, Object> picking, String field) {
        Map<Integer, Double> byProduct = new HashMap<>();
        List<?> moveIds = (List<?>) picking.get("move_ids");
        for (Map<String, Object> move : odoo.records("stock.move")) {
            double quantity = move.get(field) instanceof Number number ? number.doubleValue() : 0;
            if (moveIds.contains(move.get("id")) && quantity > 0) {
                byProduct.merge(id(move.get("product_id")), quantity, Double::sum);
            }
        }
        return byProduct;
    }

    static List<Map<String, Object>> where(List<Map<String, Object>> records, String field, int id) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> record : records) {
            if (Integer.valueOf(id).equals(id(record.get(field)))) {
                found.add(record);
            }
        }
        return found;
    }

    static Map<String, Object> single(List<Map<String, Object>> records, String field, int id) {
        List<Map<String, Object>> found = where(records, field, id);
        assertThat(found).as("records with %s %d", field, id).hasSize(1);
        return found.get(0);
    }

    /** A record id as read returns it: an integer, or a many2one's {@code [id, name]}; null for {@code false}. */
    static Integer id(Object value) {
        if (value instanceof List<?> pair && !pair.isEmpty()) {
            return ((Number) pair.get(0)).intValue();
        }
        return value instanceof Number number ? number.intValue() : null;
    }
}

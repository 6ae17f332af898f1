package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.Topics;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The edge route against real PostgreSQL and Kafka: what is answered accepted is on portage.warehouse as its canonical
 * event, numbered per order in the order sent; a resend is a duplicate and publishes nothing; bad events are
 * rejected one by one without holding the others back.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class EdgeRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String edgeToken() {
        return TestTokens.partner("wh1", "events:write").sign();
    }

    static Map<String, Object> pick(String id, String orderId, String sku, int line) {
        return Map.of("id", id, "type", "scan.pick.confirmed", "key", orderId, "priority", "DISPATCH",
                "occurredAt", "2026-11-23T08:00:0" + (line % 10) + "Z", "receivedAt", "2026-11-23T08:00:00.123Z",
                "payload", Map.of("lineNumber", line, "sku", sku, "quantity", 2, "location", "A-01-03", "pickerId", "badge-7"));
    }

    static Response post(Object body) {
        return given().auth().oauth2(edgeToken()).contentType("application/json").body(body).when().post("/api/v1/edge/events");
    }

    @Test
    void acceptedEventsArePublishedInOrderAndAResendIsADuplicate() throws Exception {
        String order = UUID.randomUUID().toString();
        List<Map<String, Object>> first = List.of(pick(UUID.randomUUID().toString(), order, "PT-CHAIR-01", 1),
                pick(UUID.randomUUID().toString(), order, "PT-DESK-01", 2));
        post(Map.of("site", "WH1", "events", first)).then()
                .statusCode(200)
                .body("results.status", equalTo(List.of("accepted", "accepted")))
                .body("results.id", equalTo(first.stream().map(e -> e.get("id")).toList()));

        // The answer was lost: the edge sends the batch again, with one more event of the same order behind it.
        List<Map<String, Object>> again = new ArrayList<>(first);
        again.add(pick(UUID.randomUUID().toString(), order, "PT-LAMP-01", 3));
        post(Map.of("site", "wh1", "events", again)).then()
                .statusCode(200)
                .body("results.status", equalTo(List.of("duplicate", "duplicate", "accepted")));

        List<ConsumerRecord<String, String>> records = TestKafka.recordsWithin(Topics.WAREHOUSE, Duration.ofSeconds(3),
                r -> order.equals(r.key()));
        assertThat(records).hasSize(3);
        assertThat(records).extracting(r -> TestKafka.header(r, "ce_sequence")).containsExactly("1", "2", "3");
        assertThat(records).extracting(r -> TestKafka.header(r, "ce_type"))
                .containsOnly("io.portage.warehouse.pick-confirmed.v1");
        assertThat(records).extracting(r -> TestKafka.header(r, "ce_source")).containsOnly("urn:portage:gateway:edge");
        JsonNode data = JSON.readTree(records.get(0).value());
        assertThat(data.path("orderId").asText()).isEqualTo(order);
        assertThat(data.path("site").asText()).isEqualTo("WH1");
        assertThat(data.path("pickerId").asText()).isEqualTo("badge-7");
        assertThat(data.path("lines").get(0).path("sku").asText()).isEqualTo("PT-CHAIR-01");
        assertThat(data.path("lines").get(0).path("location").asText()).isEqualTo("A-01-03");
        assertThat(data.path("confirmedAt").asText()).isEqualTo("2026-11-23T08:00:01Z");
        assertThat(JSON.readTree(records.get(2).value()).path("lines").get(0).path("sku").asText()).isEqualTo("PT-LAMP-01");
    }

    @Test
    void badEventsAreRejectedOneByOneAndTheOthersStillGo() {
        String order = UUID.randomUUID().toString();
        String receipt = "ASN-" + UUID.randomUUID();
        List<Map<String, Object>> events = List.of(
                pick(UUID.randomUUID().toString(), order, "PT-CHAIR-01", 1),
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.forklift.moved", "key", "TRAILER-9",
                        "occurredAt", "2026-11-23T08:00:00Z", "payload", Map.of("door", 4)),
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.pick.confirmed", "key", "not-an-order",
                        "occurredAt", "2026-11-23T08:00:00Z", "payload", Map.of("sku", "A", "quantity", 1, "location", "B")),
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.pack.confirmed", "key", order,
                        "occurredAt", "2026-11-23T08:05:00Z",
                        "payload",
                        Map.of("sscc", "12345", "weightKg", 3.5, "lines", List.of(Map.of("sku", "A", "quantity", 1)))),
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.receipt.confirmed", "key", receipt,
                        "occurredAt", "2026-11-23T07:00:00Z",
                        "payload", Map.of("lineNumber", 1, "sku", "PT-CHAIR-01", "expectedQuantity", 10,
                                "receivedQuantity", 9, "damagedQuantity", 1)),
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.pick.confirmed", "key", order,
                        "occurredAt", "yesterday", "payload", Map.of("sku", "A", "quantity", 1, "location", "B")),
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.pick.confirmed", "key", order,
                        "occurredAt", "2026-11-23T08:00:00Z", "payload", Map.of("sku", "A", "quantity", -1, "location", "B")));
        post(Map.of("events", events)).then()
                .statusCode(200)
                .body("results.status", equalTo(List.of("accepted", "rejected", "rejected", "rejected", "accepted",
                        "rejected", "rejected")))
                .body("results[1].reason", containsString("type 'scan.forklift.moved' is not taken"))
                .body("results[2].reason", equalTo("key must be a UUID"))
                .body("results[3].reason", equalTo("payload.sscc must be an 18-digit SSCC"))
                .body("results[5].reason", containsString("occurredAt must be an ISO-8601 instant"))
                .body("results[6].reason", equalTo("payload.quantity must be greater than 0"));

        ConsumerRecord<String, String> line = TestKafka.awaitRecord(Topics.WAREHOUSE, r -> receipt.equals(r.key()));
        assertThat(TestKafka.header(line, "ce_type")).isEqualTo("io.portage.warehouse.receipt-line-confirmed.v1");
        assertThat(line.value()).contains("\"shortQuantity\":0").contains("\"receivedQuantity\":9");
        // A rejected event is not remembered: once fixed at the edge and replayed, it is taken.
        Map<String, Object> fixed = new java.util.HashMap<>(events.get(6));
        fixed.put("payload", Map.of("sku", "A", "quantity", 1, "location", "B"));
        post(Map.of("events", List.of(fixed))).then().statusCode(200).body("results[0].status", equalTo("accepted"));
    }

    @Test
    void theSiteIsTheTokensAndTheScopeIsRequired() {
        Map<String, Object> event = pick(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "A", 1);
        post(Map.of("site", "WH2", "events", List.of(event))).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("sends for site WH1"));
        given().auth()
                .oauth2(TestTokens.partner("wh1", "orders:write").sign())
                .contentType("application/json")
                .body(Map.of("events", List.of(event)))
                .when()
                .post("/api/v1/edge/events")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(Map.of("events", List.of(event)))
                .when()
                .post("/api/v1/edge/events")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("north.wind", "events:write").sign())
                .contentType("application/json")
                .body(Map.of("events", List.of(event)))
                .when()
                .post("/api/v1/edge/events")
                .then()
                .statusCode(403)
                .body("detail", containsString("not a site code"));
    }

    @Test
    void whatIsNotABatchIsA400WithThePath() throws IOException {
        post("{\"events\":[]}").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("events"));
        post("{\"events\":[{\"type\":\"scan.pick.confirmed\"}]}").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("events[0].id"));
        post("[1,2]").then().statusCode(400).contentType("application/problem+json");
        post("{\"events\":").then().statusCode(400).contentType("application/problem+json");
        List<Map<String, Object>> tooMany = IntStream.range(0, 501)
                .mapToObj(i -> pick(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "A", 1))
                .toList();
        post(Map.of("events", tooMany)).then().statusCode(400).body("violations[0].field", equalTo("events"));
        // Above the 1 MB body limit the request is refused before its body is read: the answer comes while the body is
        // still unsent (sending it would race the server's close: a broken pipe now and then).
        List<String> answer = answerBeforeTheBody(1_100_000);
        assertThat(answer.get(0)).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("content-type: application/problem+json");
        assertThat(answer.get(answer.size() - 1)).contains("\"field\":\"Content-Length\"", "at most 1048576 bytes");
    }

    /**
     * Sends a POST's head announcing {@code length} bytes of body, none of them, and reads the answer: its status line,
     * its headers (lower case) and its body, until the server closes the connection.
     */
    private static List<String> answerBeforeTheBody(int length) throws IOException {
        URI gateway = URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/edge/events HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\nAuthorization: Bearer "
                    + edgeToken() + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> answer = new java.util.ArrayList<>();
            answer.add(in.readLine());
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            StringBuilder body = new StringBuilder();
            for (int c = in.read(); c >= 0; c = in.read()) {
                body.append((char) c);
            }
            answer.add(body.toString());
            return answer;
        }
    }
}

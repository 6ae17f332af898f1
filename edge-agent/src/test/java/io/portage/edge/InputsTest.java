package io.portage.edge;

import static io.portage.edge.TestKeys.asDevice;
import static io.portage.edge.TestKeys.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.portage.edge.domain.AccessRole;
import io.portage.edge.messaging.LineProtocolServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The drop folder, the TCP line protocol and the disk quota, against the running agent (forwarding off). */
@QuarkusTest
@TestProfile(InputsTest.Inputs.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InputsTest {

    static final Path DROP = Path.of("target/drop-" + ProcessHandle.current().pid());
    static final int QUOTA = 40;

    /**
     * Drop folder (10 lines per transaction) and line protocol on (port chosen by the system), a quota of 40 events, a
     * store of its own.
     */
    public static class Inputs implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portage.edge.store-path", "target/inputs-" + System.nanoTime() + ".db",
                    "portage.edge.drop.enabled", "true",
                    "portage.edge.drop.folder", DROP.toString(),
                    "portage.edge.drop.poll-interval", "200ms",
                    "portage.edge.drop.lines-per-transaction", "10",
                    "portage.edge.line.enabled", "true",
                    "portage.edge.line.host", "127.0.0.1",
                    "portage.edge.line.port", "0",
                    "portage.edge.quota.max-events", String.valueOf(QUOTA));
        }
    }

    @Inject
    LineProtocolServer line;

    static JsonPath backlog() {
        return asOperator().when().get("/api/v1/backlog").then().statusCode(200).extract().jsonPath();
    }

    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for: " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    static List<Path> archived() throws Exception {
        try (Stream<Path> files = Files.list(DROP.resolve("archive"))) {
            return files.toList();
        }
    }

    @Test
    @Order(1)
    void aHalfWrittenFileIsNotTakenAndACompleteOneIsTakenWholeWithItsBadLinesReported() throws Exception {
        Path file = DROP.resolve("wms-0001.csv");
        long before = backlog().getLong("pending");
        String header = "id,type,key,priority,occurredAt,payload\n";
        String good1 = UUID.randomUUID()
                + ",wms.pick.confirmed,ORDER-7,NORMAL,2026-11-23T08:00:00Z,\"{\"\"sku\"\":\"\"A, B\"\"}\"\n";
        String good2 = ",wms.pick.confirmed,ORDER-7,,2026-11-23T08:00:01Z,\n";
        String bad = ",wms.pick.confirmed,ORDER-7,NORMAL,yesterday,{}\n";
        String half = UUID.randomUUID() + ",wms.load.confi";
        Files.writeString(file, header + good1 + good2 + bad + half);
        Thread.sleep(1000);
        assertThat(backlog().getLong("pending")).as("nothing of a file without its .done marker").isEqualTo(before);
        assertThat(file).exists();

        Files.writeString(file, "rmed,TRAILER-3,DISPATCH,2026-11-23T08:00:02Z,{}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.createFile(DROP.resolve("wms-0001.csv.done"));
        await("the file archived", Duration.ofSeconds(5), () -> !Files.exists(file));
        assertThat(backlog().getLong("pending")).isEqualTo(before + 3);
        assertThat(backlog().getLong("byPriority.DISPATCH")).isEqualTo(1);
        assertThat(DROP.resolve("wms-0001.csv.done")).doesNotExist();
        Path report = archived().stream()
                .filter(p -> p.toString().endsWith("wms-0001.csv.rejected"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readAllLines(report)).singleElement().asString().startsWith("4: occurredAt");
        assertThat(archived()).anyMatch(p -> p.toString().endsWith("-wms-0001.csv"));

        // The same file dropped again: every line is a duplicate, nothing new is stored.
        Files.writeString(DROP.resolve("wms-0001.csv"), header + good1 + good2);
        Files.createFile(DROP.resolve("wms-0001.csv.done"));
        await("the second copy archived", Duration.ofSeconds(5), () -> !Files.exists(DROP.resolve("wms-0001.csv")));
        assertThat(backlog().getLong("pending")).isEqualTo(before + 3);
    }

    @Test
    @Order(2)
    void aScannerGetsOneAckLinePerEventOnceItIsStored() throws Exception {
        UUID id = UUID.randomUUID();
        String event = "{\"id\":\"" + id + "\",\"type\":\"scan.gate.in\",\"key\":\"TRAILER-9\",\"priority\":\"GATE\","
                + "\"occurredAt\":\"2026-11-23T08:00:00Z\",\"payload\":{\"door\":4}}\n";
        long before = backlog().getLong("pending");
        try (Socket socket = new Socket("127.0.0.1", line.port());
                BufferedReader acks = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            out.write(("AUTH " + TestKeys.device() + "\n" + event + event
                    + "{\"type\":\"Bad Type\",\"key\":\"K\",\"occurredAt\":\"2026-11-23T08:00:00Z\"}\n"
                    + "not json\n" + "{\"type\":\"scan.ping\",\"key\":\"RF-1\",\"priority\":\"TELEMETRY\","
                    + "\"occurredAt\":\"2026-11-23T08:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(acks.readLine()).isEqualTo("OK auth test-scanner");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lines.add(acks.readLine());
            }
            assertThat(lines.get(0)).isEqualTo("OK " + id + " stored");
            assertThat(lines.get(1)).isEqualTo("OK " + id + " duplicate");
            assertThat(lines.get(2)).startsWith("ERR 400 type:");
            assertThat(lines.get(3)).isEqualTo("ERR 400 not JSON");
            assertThat(lines.get(4)).matches("OK [0-9a-f-]{36} stored");
        }
        assertThat(backlog().getLong("pending")).isEqualTo(before + 2);
    }

    @Test
    @Order(2)
    void theLineProtocolTakesNothingBeforeADevicesKey() throws Exception {
        String event = "{\"type\":\"scan.gate.in\",\"key\":\"TRAILER-9\",\"occurredAt\":\"2026-11-23T08:00:00Z\"}";
        String revoked = TestKeys.fresh("test-scanner-revoked", AccessRole.DEVICE);
        TestKeys.FILE.revoke("test-scanner-revoked");
        long before = backlog().getLong("pending");
        assertThat(lineSession(event)).containsExactly("ERR 401 authenticate first: AUTH <device key>", null);
        assertThat(lineSession("AUTH pek_not-a-key", event)).containsExactly(
                "ERR 401 the key is not one this agent holds (unknown or revoked)", null);
        assertThat(lineSession("AUTH " + revoked, event)).containsExactly(
                "ERR 401 the key is not one this agent holds (unknown or revoked)", null);
        assertThat(lineSession("AUTH " + TestKeys.operator(), event)).containsExactly(
                "ERR 403 test-operator is not a device's key", null);
        assertThat(backlog().getLong("pending")).isEqualTo(before);

        // A key revoked while its scanner is connected: the next line is refused and the connection closed.
        String key = TestKeys.fresh("test-scanner-soon-revoked", AccessRole.DEVICE);
        try (Socket socket = new Socket("127.0.0.1", line.port());
                BufferedReader acks = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            out.write(("AUTH " + key + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(acks.readLine()).isEqualTo("OK auth test-scanner-soon-revoked");
            TestKeys.FILE.revoke("test-scanner-soon-revoked");
            out.write((event + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(acks.readLine()).isEqualTo("ERR 401 the key was revoked");
            assertThat(acks.readLine()).isNull();
        }
        assertThat(backlog().getLong("pending")).isEqualTo(before);
    }

    /** Sends {@code lines} on one connection and reads what comes back until the agent closes it (null). */
    private List<String> lineSession(String... lines) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", line.port());
                BufferedReader acks = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            List<String> answers = new ArrayList<>();
            String answer;
            do {
                answer = acks.readLine();
                answers.add(answer);
            } while (answer != null);
            return answers;
        }
    }

    static String events(int count, String priority) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add("{\"type\":\"scan.x\",\"key\":\"Q-" + priority + "-" + i + "\",\"priority\":\"" + priority
                    + "\",\"occurredAt\":\"2026-11-23T08:00:00Z\",\"payload\":{}}");
        }
        return "[" + String.join(",", events) + "]";
    }

    static int post(int count, String priority) {
        return asDevice().contentType(ContentType.JSON)
                .body(events(count, priority))
                .when()
                .post("/api/v1/events/batch")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    @Order(3)
    void aFullStoreShedsTelemetryThenNormalNeverGateAndRefusesWhatCouldOnlyDisplaceMoreImportantEvents() {
        long pending = backlog().getLong("pending");
        assertThat(post((int) (QUOTA - pending), "TELEMETRY")).isEqualTo(202);
        assertThat(backlog().getLong("pending")).isEqualTo(QUOTA);

        assertThat(post(5, "GATE")).isEqualTo(202);
        JsonPath status = asOperator().when().get("/").then().statusCode(200).extract().jsonPath();
        assertThat(status.getLong("shedSinceStart.TELEMETRY")).isEqualTo(5);
        assertThat(status.getLong("backlog.pending")).isEqualTo(QUOTA);
        assertThat(EventResourceTest.metric("portage_edge_shed_total\\{priority=\"TELEMETRY\"\\}")).isEqualTo(5);

        long high = backlog().getLong("byPriority.GATE") + backlog().getLong("byPriority.DISPATCH");
        assertThat(post((int) (QUOTA - high), "NORMAL")).isEqualTo(202);
        assertThat(backlog().getLong("byPriority.TELEMETRY")).isZero();

        asDevice().contentType(ContentType.JSON)
                .body(events(1, "TELEMETRY").replaceAll("^\\[|\\]$", ""))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(507)
                .contentType("application/problem+json")
                .body("status", equalTo(507));
        long gates = backlog().getLong("byPriority.GATE");
        assertThat(post(1, "GATE")).as("a gate event displaces a normal one").isEqualTo(202);
        assertThat(backlog().getLong("byPriority.GATE")).isEqualTo(gates + 1);
        assertThat(backlog().getLong("pending")).isEqualTo(QUOTA);
        assertThat(asOperator().when().get("/").then().extract().jsonPath().getLong("refusedSinceStart.TELEMETRY"))
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void aFileTheFullStoreCannotTakeWholeStaysAndIsReadAgainWithoutStoringALineTwice() throws Exception {
        // The store is full (test 3) of gate and normal events; gate lines displace normal ones until none are left.
        long gatesBefore = backlog().getLong("byPriority.GATE");
        long normal = backlog().getLong("byPriority.NORMAL");
        StringBuilder file = new StringBuilder("id,type,key,priority,occurredAt,payload\n");
        int lines = (int) normal + 15;
        for (int i = 0; i < lines; i++) {
            file.append(",wms.gate.in,TRAILER-").append(i).append(",GATE,2026-11-23T09:00:00Z,\n");
        }
        double duplicatesBefore = EventResourceTest.metric("portage_edge_duplicates_total");
        Path csv = DROP.resolve("wms-0002.csv");
        Files.writeString(csv, file);
        Files.createFile(DROP.resolve("wms-0002.csv.done"));

        // Every whole chunk of 10 that fits is stored once; the chunk that does not fit is refused and the file stays.
        long storedChunks = normal / 10 * 10;
        await("the chunks that fit stored", Duration.ofSeconds(5),
                () -> backlog().getLong("byPriority.GATE") == gatesBefore + storedChunks);
        // Polls go on reading the file from the start: the lines stored before are duplicates, never stored again.
        await("the file read again", Duration.ofSeconds(5),
                () -> EventResourceTest.metric("portage_edge_duplicates_total") >= duplicatesBefore + 2 * storedChunks);
        assertThat(backlog().getLong("byPriority.GATE")).isEqualTo(gatesBefore + storedChunks);
        assertThat(backlog().getLong("pending")).isEqualTo(QUOTA);
        assertThat(csv).exists();
        assertThat(archived()).noneMatch(p -> p.toString().contains("wms-0002"));
    }
}

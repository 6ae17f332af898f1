package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private OdooStandin standin;
    private TestClient client;

    @BeforeEach
    void start() {
        standin = OdooStandin.builder().version("19.0").build().start();
        client = new TestClient(standin);
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    private static final String SEARCH = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"service\":\"object\","
            + "\"method\":\"execute_kw\",\"args\":[\"portage\",2,\"bot-password\",\"res.partner\",\"search_count\","
            + "[[]],{}]},\"id\":1}";

    @Test
    void unavailableAnswers503ForTheNextCallsButNotVersionInfo() {
        standin.faults().failNext(2, Fault.UNAVAILABLE_503);
        assertThat(client.post("/web/webclient/version_info", "application/json", "{}").statusCode()).isEqualTo(200);
        assertThat(client.post("/jsonrpc", "application/json", SEARCH).statusCode()).isEqualTo(503);
        assertThat(client.json2("res.partner", "search", Map.of("domain", List.of()), "bot-api-key").statusCode())
                .isEqualTo(503);
        assertThat(client.post("/jsonrpc", "application/json", SEARCH).statusCode()).isEqualTo(200);
        assertThat(standin.calls("res.partner", "search_count")).isEqualTo(1);
        assertThat(standin.calls("res.partner", "search")).isZero();
    }

    @Test
    void dropConnectionClosesWithoutAnswer() {
        standin.faults().failNext(1, Fault.DROP_CONNECTION);
        assertThatThrownBy(() -> client.post("/jsonrpc", "application/json", SEARCH)).isInstanceOf(
                UncheckedIOException.class);
        assertThat(client.post("/jsonrpc", "application/json", SEARCH).statusCode()).isEqualTo(200);
        assertThat(standin.calls("res.partner", "search_count")).isEqualTo(1);
    }

    @Test
    void concurrencyErrorLooksLikeOdoosLastRetryOnEveryProtocol() {
        standin.faults().failNext(3, Fault.CONCURRENCY_ERROR);
        Map<String, Object> data = JsonRpcTest.errorData(client.executeKw("bot-password", "res.partner", "create",
                List.of(Map.of("name", "Racy")), Map.of()));
        assertThat(data).containsEntry("name", "psycopg2.errors.SerializationFailure")
                .containsEntry("message", "could not serialize access due to concurrent update\n");

        String xml = client.post("/xmlrpc/2/object", "text/xml", "<?xml version='1.0'?><methodCall><methodName>"
                + "execute_kw</methodName><params><param><value>portage</value></param><param><value><int>2</int>"
                + "</value></param><param><value>bot-password</value></param><param><value>res.partner</value>"
                + "</param><param><value>create</value></param><param><value><array><data><value><struct><member>"
                + "<name>name</name><value>Racy</value></member></struct></value></data></array></value></param>"
                + "</params></methodCall>").body();
        assertThat(xml).contains("<int>1</int>").contains("psycopg2.errors.SerializationFailure");

        HttpResponse<String> json2 = client.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name",
                "Racy"))), "bot-api-key");
        assertThat(json2.statusCode()).isEqualTo(500);
        assertThat(TestClient.read(json2.body())).containsEntry("name", "psycopg2.errors.SerializationFailure");

        assertThat(standin.records("res.partner")).noneMatch(r -> "Racy".equals(r.get("name")));
        assertThat(standin.calls("res.partner", "create")).isEqualTo(3);
    }

    @Test
    void timeoutAfterCommitHasCreatedTheRecord() {
        standin.faults().failNext(1, Fault.TIMEOUT_AFTER_COMMIT);
        client.timeout = Duration.ofMillis(800);
        assertThatThrownBy(() -> client.call("res.partner", "create", Map.of("name", "Once", "ref", "IDEM-1")))
                .hasRootCauseInstanceOf(HttpTimeoutException.class);
        client.timeout = Duration.ofSeconds(20);
        assertThat(client.call("res.partner", "search", List.of(List.of(List.of("ref", "=", "IDEM-1"))), Map.of()))
                .isEqualTo(List.of(6));
        assertThat(standin.calls("res.partner", "create")).isEqualTo(1);
    }

    @Test
    void latencyIsAddedAndClearable() {
        standin.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        client.post("/jsonrpc", "application/json", SEARCH);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        standin.faults().failNext(5, Fault.UNAVAILABLE_503).clear();
        assertThat(standin.faults().pending()).isZero();
        assertThat(client.post("/jsonrpc", "application/json", SEARCH).statusCode()).isEqualTo(200);
    }

    @Test
    void aMethodCostsPerCallAndPerRecordItCreatesOrRunsOn() {
        standin.faults().cost("res.partner", "create", Duration.ofMillis(100), Duration.ofMillis(50));
        standin.faults().cost("res.partner", "write", Duration.ZERO, Duration.ofMillis(100));

        long start = System.nanoTime();
        Object ids = client.call("res.partner", "create", List.of(List.of(Map.of("name", "A"), Map.of("name", "B"),
                Map.of("name", "C"))), Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));

        start = System.nanoTime();
        client.call("res.partner", "write", List.of(ids, Map.of("city", "Lyon")), Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        standin.faults().clear();
        start = System.nanoTime();
        client.call("res.partner", "write", List.of(ids, Map.of("city", "Nice")), Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void oneWorkerMakesCallsTakeTurns() throws Exception {
        try (OdooStandin single = OdooStandin.builder().workers(1).latency(Duration.ofMillis(200)).build().start()) {
            TestClient other = new TestClient(single);
            long start = System.nanoTime();
            Thread second = Thread.ofVirtual().start(() -> other.post("/jsonrpc", "application/json", SEARCH));
            other.post("/jsonrpc", "application/json", SEARCH);
            second.join();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(single.workerCount()).isEqualTo(1);
        }
    }
}

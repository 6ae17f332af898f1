package io.portage.edge.rest;

import static io.portage.edge.TestKeys.asOperator;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.edge.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Paths no client library would send (a NUL, a space, quotes, braces, a lone {@code %}, a control character), sent raw:
 * the door's 401 and the intake budget's 503 answer them with a problem whose {@code instance} is a valid URI, never
 * a 500.
 */
@QuarkusTest
class HostilePathsTest {

    static final List<String> TAILS = List.of("%00", "a%20b", "a b", "\"", "<x>", "{", "|", "\\", "^", "%25", "%",
            "%zz", "\u0001", "caf\u00e9", "a:b");
    static final ObjectMapper JSON = new ObjectMapper();

    /** The status line and body of one raw HTTP/1.1 request. */
    record Answer(int status, String body) {
    }

    static Answer send(String method, String path, String key) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4));
        }
    }

    static void assertProblem(Answer answer, int status, String path) throws IOException {
        assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("instance").asText()).isNotEmpty();
    }

    @Test
    void theDoorAnswersAnyPathWithAProblem() throws IOException {
        for (String tail : TAILS) {
            String path = "/api/v1/dead-letters/" + tail;
            Answer answer = send("GET", path, null);
            if (answer.status() == 400 && answer.body().isEmpty()) {
                // The HTTP parser refused the request line itself (a raw control character): never a 5xx either.
                continue;
            }
            assertProblem(answer, 401, path);
        }
    }

    @Test
    void aBodyOverTheLimitIsAProblemNamingContentLengthBeforeAnyOfItIsSent() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/events/batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + TestKeys.device() + "\r\nContent-Type: application/json\r\nContent-Length: 9000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
            JsonNode problem = JSON.readTree(text.substring(text.indexOf("\r\n\r\n") + 4));
            assertThat(problem.path("status").asInt()).isEqualTo(413);
            assertThat(problem.path("violations").get(0).path("field").asText()).isEqualTo("Content-Length");
            assertThat(problem.path("detail").asText()).contains("at most 8388608");
        }
    }

    @Test
    void theIntakeBudgetAnswersAnyPathWithAProblem() throws Exception {
        // A WMS sending a 2 MB batch slowly holds the 1 MB test budget; meanwhile every other intake request is a 503.
        try (Socket slow = io.portage.edge.SlowBatch.holdTheBudget()) {
            List<String> answered = new java.util.ArrayList<>();
            for (String tail : TAILS) {
                String path = "/api/v1/events/" + tail;
                Answer answer = send("POST", path, TestKeys.operator());
                if (answer.status() == 400 && answer.body().isEmpty()) {
                    continue;
                }
                assertProblem(answer, 503, path);
                answered.add(tail);
            }
            assertThat(answered).containsExactly("%00", "a%20b", "%25", "caf\u00e9", "a:b");
        }
        asOperator().get("/api/v1/backlog").then().statusCode(200);
    }
}

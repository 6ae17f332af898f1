package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void runsAsItsOwnProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OdooStandin.class.getName(), "--port", "0", "--version", "17.0", "--database", "demo", "--login",
                "alice", "--password", "secret", "--api-key", "k1", "--latency-ms", "1").redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String banner = out.readLine();
            assertThat(banner).contains("17.0").contains("demo").contains("http://127.0.0.1:");
            String url = banner.substring(banner.indexOf("http://"));
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url
                            + "/jsonrpc"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(TestClient.write(Map.of("jsonrpc", "2.0", "method",
                                    "call", "id", 1, "params", Map.of("service", "common", "method", "login", "args", List.of(
                                            "demo", "alice", "k1"))))))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(TestClient.read(response.body())).containsEntry("result", 2);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}

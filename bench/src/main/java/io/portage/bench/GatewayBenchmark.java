package io.portage.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.stack.KeycloakServer;
import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.Ports;
import io.portage.stack.QuarkusService;

/**
 * What the gateway costs against a plain proxy: the same read ({@code GET /api/v1/orders/{id}}, the same partner token)
 * made directly to order-service (which verifies the token itself), through Debian's nginx proxying to it, and through
 * the gateway (token verified there too, partner from the token, rate limiter, owner re-check, relay with the token),
 * side by side in one run: wrk with the same connections on each path, after a warm-up until each path's cost has
 * settled, in alternating rounds so all three see the same machine. Prints requests/s and latency p50/p99 per path and
 * the gateway against nginx. Everything real: PostgreSQL, Kafka, Keycloak, order-service and the gateway as their
 * packaged JVMs with the deployed JVM options.
 */
public final class GatewayBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP_LEAST = 4;
    private static final int WARM_UP_WINDOWS = 12;
    private static final String BODY = """
            {"channel":"bench-shop","externalId":"%s","customer":{"name":"Ada Lovelace","email":"ada@example.com",\
            "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},\
            "lines":[{"sku":"PT-CHAIR-01","quantity":2}]}""";

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = PortageHome.locate().root().resolve("bench/gateway");
        Path checkout = PortageHome.locate().checkout();
        System.out.printf(Locale.ROOT, "Gateway vs nginx vs direct: GET /api/v1/orders/{id}, wrk %d connections, %d s per"
                + " path and round, %d rounds, %d cores, load average %s%n", connections, seconds, rounds,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        try (LocalStack stack = LocalStack.forTests(work.resolve("stack"), true).start(List.of("orders", "gateway"))) {
            KeycloakServer keycloak = stack.keycloak().orElseThrow();
            QuarkusService orders = new QuarkusService("order-service", checkout, Ports.free())
                    .withStack(stack, "orders")
                    .withJvmOptions(QuarkusService.AS_DEPLOYED)
                    .with("portage.orders.hand-over.enabled", "false")
                    .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                    .with("quarkus.log.level", "WARN");
            List<String> gatewayJvm = new ArrayList<>(QuarkusService.AS_DEPLOYED);
            String recording = System.getenv("BENCH_JFR");
            if (recording != null && !recording.isBlank()) {
                // A flight recording of the gateway for profiling: jfr print --events jdk.ExecutionSample <file>
                gatewayJvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
            }
            QuarkusService gateway = new QuarkusService("gateway", checkout, Ports.free())
                    .withStack(stack, "gateway")
                    .withJvmOptions(gatewayJvm)
                    .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                    .with("portage.gateway.downstreams.order-service.url", orders.baseUrl())
                    // The limiter is measured, not in the way: a limit no run reaches.
                    .with("portage.gateway.rate-limits.rate", "1000000")
                    .with("portage.gateway.rate-limits.burst", "1000000")
                    .with("quarkus.log.level", "WARN");
            List<ManagedProcess> processes = new ArrayList<>();
            try (Nginx nginx = Nginx.proxying(work.resolve("nginx"), orders.port())) {
                processes.add(orders.start(work.resolve("services"), false, Duration.ofSeconds(120)));
                processes.add(gateway.start(work.resolve("services"), false, Duration.ofSeconds(120)));
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String token = token(http, keycloak);
                String order = submit(http, orders.baseUrl(), token, "BENCH-SEED-" + UUID.randomUUID());
                Map<String, String> paths = new LinkedHashMap<>();
                paths.put("direct", orders.baseUrl() + "/api/v1/orders/" + order);
                paths.put("nginx", nginx.baseUrl() + "/api/v1/orders/" + order);
                paths.put("gateway", gateway.baseUrl() + "/api/v1/orders/" + order);

                // The servers' CPU per request: all three processes, whichever path is measured (the idle ones add
                // their background work, the same on every path).
                List<Long> servers = List.of(processes.get(0).pid(), processes.get(1).pid(), nginx.pid());
                // Warm-up, not counted: every path until what a request costs has settled, so the JIT compiler is
                // done with its hot code (the JVMs' compile time is in their CPU; at a few hundred requests/s a
                // fixed 10 s left the gateway compiling through the measured rounds).
                for (Map.Entry<String, String> path : paths.entrySet()) {
                    warmUp(path.getKey(), path.getValue(), token, connections, servers);
                }
                Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
                Map<String, double[]> cpu = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    token = token(http, keycloak);
                    for (Map.Entry<String, String> path : paths.entrySet()) {
                        double before = ProcessCpu.millis(servers);
                        Wrk.Result result = Wrk.run(path.getValue(), token, connections, seconds);
                        double used = ProcessCpu.millis(servers) - before;
                        if (result.errors() > 0) {
                            throw new IllegalStateException(path.getKey() + ": " + result.errors() + " failed requests");
                        }
                        results.computeIfAbsent(path.getKey(), key -> new ArrayList<>()).add(result);
                        double[] total = cpu.computeIfAbsent(path.getKey(), key -> new double[2]);
                        total[0] += used;
                        total[1] += result.requests();
                    }
                }
                print(results, cpu);
                System.out.printf(Locale.ROOT, "RSS after the run: gateway %d MB, order-service %d MB; load average %s%n",
                        processes.get(1).residentKib() / 1024, processes.get(0).residentKib() / 1024, loadAverage());
            } finally {
                for (int i = processes.size() - 1; i >= 0; i--) {
                    processes.get(i).stop(Duration.ofSeconds(20));
                }
            }
        }
    }

    /**
     * Load on one path in 10 s windows until the servers' CPU per request of two windows in a row differs by less than
     * 10 % (at least four windows: a JVM's cost can stall for a window on its way down; at most twelve), printing each
     * window's cost.
     */
    private static void warmUp(String name, String url, String token, int connections, List<Long> servers) {
        List<String> costs = new ArrayList<>();
        double previous = Double.NaN;
        for (int window = 0; window < WARM_UP_WINDOWS; window++) {
            double before = ProcessCpu.millis(servers);
            Wrk.Result result = Wrk.run(url, token, connections, 10);
            double cost = (ProcessCpu.millis(servers) - before) / Math.max(1, result.requests());
            costs.add(String.format(Locale.ROOT, "%.2f", cost));
            boolean settled = window >= WARM_UP_LEAST - 1 && Math.abs(cost - previous) < 0.1 * previous;
            previous = cost;
            if (settled) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "Warm-up %s: %d x 10 s, server CPU ms/request per window %s%n", name, costs.size(),
                String.join(" -> ", costs));
    }

    /**
     * Per path: mean requests/s over the rounds (and their range), the median round's p50 and p99, and the CPU the
     * servers spent per request (what a request costs, whatever else the machine is doing).
     */
    private static void print(Map<String, List<Wrk.Result>> results, Map<String, double[]> cpu) {
        System.out.println();
        System.out.println("| Path | requests/s | rounds | p50 ms | p99 ms | server CPU ms/request |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, double[]> summary = new LinkedHashMap<>();
        results.forEach((path, runs) -> {
            double[] rates = runs.stream().mapToDouble(Wrk.Result::requestsPerSecond).toArray();
            double rate = Arrays.stream(rates).average().orElseThrow();
            double p50 = median(runs.stream().mapToDouble(Wrk.Result::p50).toArray());
            double p99 = median(runs.stream().mapToDouble(Wrk.Result::p99).toArray());
            summary.put(path, new double[]{rate, p50, p99});
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f-%,.0f | %.2f | %.2f | %.2f |%n", path, rate,
                    Arrays.stream(rates).min().orElseThrow(), Arrays.stream(rates).max().orElseThrow(), p50, p99,
                    cpu.get(path)[0] / cpu.get(path)[1]);
        });
        double[] nginx = summary.get("nginx");
        double[] gateway = summary.get("gateway");
        System.out.printf(Locale.ROOT, "%nThe gateway carries %.0f%% of nginx's requests/s and adds p50 %+.2f ms, p99 %+.2f ms"
                + " over nginx (targets: at least 70%%, at most +1 ms p50)%n", 100 * gateway[0] / nginx[0],
                gateway[1] - nginx[1], gateway[2] - nginx[2]);
    }

    private static double median(double[] values) {
        return Percentiles.of(values, 50);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String token(HttpClient http, KeycloakServer keycloak) throws Exception {
        return Tokens.clientCredentials(http, keycloak.issuer(), "northwind-shop", "northwind-dev-secret");
    }

    private static String submit(HttpClient http, String base, String token, String externalId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(externalId)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Seed order refused: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }
}

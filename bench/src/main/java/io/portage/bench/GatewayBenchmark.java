package io.portage.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.stack.KeycloakServer;
import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.Ports;
import io.portage.stack.QuarkusService;

/**
 * What the gateway costs: the same calls with the same partner token made directly to order-service (which verifies
 * the token itself) and through the gateway (the token verified there too, the partner taken from it, rate-limited,
 * audited for writes, relayed with the token), side by side in one run, alternating rounds so both see the same machine. Prints requests/s and
 * latency p50/p99 per path and the difference. Reads ({@code GET /api/v1/orders/{id}}) show the pure routing cost;
 * submissions ({@code POST /api/v1/orders}) include the gateway's audit record. Everything real: PostgreSQL, Kafka,
 * Keycloak, order-service and the gateway as their packaged JVMs with the deployed JVM options.
 */
public final class GatewayBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = """
            {"channel":"bench-shop","externalId":"%s","customer":{"name":"Ada Lovelace","email":"ada@example.com",\
            "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},\
            "lines":[{"sku":"PT-CHAIR-01","quantity":2}]}""";

    private GatewayBenchmark() {
    }

    record Sample(double seconds, double[] millis) {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = PortageHome.locate().root().resolve("bench/gateway");
        Path checkout = PortageHome.locate().checkout();
        System.out.printf(Locale.ROOT, "Gateway vs direct: %d requests per path and round, %d rounds, %d concurrent"
                + " clients, %d cores%n", requests, rounds, clients, Runtime.getRuntime().availableProcessors());
        try (LocalStack stack = LocalStack.forTests(work.resolve("stack"), true).start(List.of("orders", "gateway"))) {
            KeycloakServer keycloak = stack.keycloak().orElseThrow();
            QuarkusService orders = new QuarkusService("order-service", checkout, Ports.free()).withStack(stack, "orders")
                    .withJvmOptions(QuarkusService.AS_DEPLOYED)
                    .with("portage.orders.hand-over.enabled", "false")
                    .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                    .with("quarkus.log.level", "WARN");
            QuarkusService gateway = new QuarkusService("gateway", checkout, Ports.free()).withStack(stack, "gateway")
                    .withJvmOptions(QuarkusService.AS_DEPLOYED)
                    .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                    .with("portage.gateway.downstreams.order-service.url", orders.baseUrl())
                    // The limiter is measured, not in the way: a limit no run reaches.
                    .with("portage.gateway.rate-limits.rate", "1000000")
                    .with("portage.gateway.rate-limits.burst", "1000000")
                    .with("quarkus.log.level", "WARN");
            List<ManagedProcess> processes = new ArrayList<>();
            try {
                processes.add(orders.start(work.resolve("services"), false, Duration.ofSeconds(120)));
                processes.add(gateway.start(work.resolve("services"), false, Duration.ofSeconds(120)));
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String token = Tokens.clientCredentials(http, keycloak.issuer(), "northwind-shop", "northwind-dev-secret");
                String order = submit(http, orders.baseUrl(), token, "BENCH-SEED-" + UUID.randomUUID());

                IntFunction<HttpRequest> directRead = i -> HttpRequest
                        .newBuilder(URI.create(orders.baseUrl() + "/api/v1/orders/" + order))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build();
                IntFunction<HttpRequest> gatewayRead = i -> HttpRequest
                        .newBuilder(URI.create(gateway.baseUrl() + "/api/v1/orders/" + order))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build();
                String run = UUID.randomUUID().toString().substring(0, 8);
                IntFunction<HttpRequest> directWrite = i -> post(orders.baseUrl(), token,
                        "D-" + run + "-" + i + "-" + System.nanoTime());
                IntFunction<HttpRequest> gatewayWrite = i -> post(gateway.baseUrl(), token,
                        "G-" + run + "-" + i + "-" + System.nanoTime());

                // Warm-up: both paths, both kinds, not counted.
                for (IntFunction<HttpRequest> warm : List.of(directRead, gatewayRead, directWrite, gatewayWrite)) {
                    load(http, warm, requests / 2, clients);
                }
                List<Sample> dr = new ArrayList<>();
                List<Sample> gr = new ArrayList<>();
                List<Sample> dw = new ArrayList<>();
                List<Sample> gw = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    dr.add(load(http, directRead, requests, clients));
                    gr.add(load(http, gatewayRead, requests, clients));
                    dw.add(load(http, directWrite, requests, clients));
                    gw.add(load(http, gatewayWrite, requests, clients));
                }
                System.out.println();
                System.out.println("| Call | Path | requests/s | p50 ms | p99 ms |");
                System.out.println("|---|---|---|---|---|");
                row("GET /api/v1/orders/{id}", "direct", dr, requests);
                row("GET /api/v1/orders/{id}", "gateway", gr, requests);
                row("POST /api/v1/orders", "direct", dw, requests);
                row("POST /api/v1/orders", "gateway", gw, requests);
                System.out.printf(Locale.ROOT, "%nAdded by the gateway: reads p50 +%.2f ms, p99 +%.2f ms; submissions p50 +%.2f"
                        + " ms, p99 +%.2f ms%n", Percentiles.of(all(gr), 50) - Percentiles.of(all(dr), 50),
                        Percentiles.of(all(gr), 99) - Percentiles.of(all(dr), 99),
                        Percentiles.of(all(gw), 50) - Percentiles.of(all(dw), 50),
                        Percentiles.of(all(gw), 99) - Percentiles.of(all(dw), 99));
                System.out.printf(Locale.ROOT, "RSS after the run: gateway %d MB, order-service %d MB%n",
                        processes.get(1).residentKib() / 1024, processes.get(0).residentKib() / 1024);
            } finally {
                for (int i = processes.size() - 1; i >= 0; i--) {
                    processes.get(i).stop(Duration.ofSeconds(20));
                }
            }
        }
    }

    private static HttpRequest post(String base, String token, String externalId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(externalId)));
        return request.header("Authorization", "Bearer " + token).build();
    }

    private static String submit(HttpClient http, String base, String token, String externalId)
            throws Exception {
        HttpResponse<String> response = http.send(post(base, token, externalId), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Seed order refused: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** {@code requests} calls from {@code clients} threads; every answer must be 2xx. */
    private static Sample load(HttpClient http, IntFunction<HttpRequest> requests, int count, int clients) throws Exception {
        double[] millis = new double[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpRequest request = requests.apply(i);
                        long t0 = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        millis[i] = (System.nanoTime() - t0) / 1e6;
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Sample((System.nanoTime() - started) / 1e9, millis);
    }

    private static void row(String call, String path, List<Sample> samples, int requests) {
        double seconds = samples.stream().mapToDouble(Sample::seconds).sum();
        double[] millis = all(samples);
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f |%n", call, path, samples.size() * requests / seconds,
                Percentiles.of(millis, 50), Percentiles.of(millis, 99));
    }

    private static double[] all(List<Sample> samples) {
        return samples.stream().flatMapToDouble(sample -> Arrays.stream(sample.millis())).toArray();
    }

}

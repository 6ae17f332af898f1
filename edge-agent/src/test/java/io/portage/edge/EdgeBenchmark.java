package io.portage.edge;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.portage.edge.domain.AccessRole;
import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.EventIds;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Priority;
import io.portage.edge.repository.EventStore;
import io.portage.edge.repository.KeyFile;
import io.portage.edge.service.Forwarder;

/**
 * Prints the edge-agent's numbers (never a pass/fail test), run by {@code edge-agent/bench.sh}. {@code agent}: starts
 * the packaged agent, measures start-up, durable ingest over HTTP (single events and batches), forwarding to a
 * stand-in gateway and RSS. {@code drain [events]}: fills a store with a backlog (default 1,000,000) and drains it
 * through the forwarder, printing the heap after GC as it goes.
 */
public final class EdgeBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private EdgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "agent";
        if (mode.equals("drain")) {
            drain(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000, args.length > 2 && args[2].equals("edge-ids"));
        } else {
            agent(args.length > 1 ? args[1] : "edge-agent/target/quarkus-app/quarkus-run.jar");
        }
    }

    static String event(String key, String priority) {
        return "{\"type\":\"scan.pick.confirmed\",\"key\":\"" + key + "\",\"priority\":\"" + priority
                + "\",\"occurredAt\":\"2026-11-23T08:00:00Z\",\"payload\":{\"sku\":\"SKU-CHAIR-01\",\"quantity\":2,"
                + "\"scanner\":\"RF-07\",\"location\":\"A-01-03\"}}";
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The keys the benchmark's agent takes: a scanner's for intake, an operator's for the backlog. */
    static String deviceKey;
    static String operatorKey;

    static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + deviceKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + operatorKey).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static long pending(String base) throws Exception {
        Matcher m = Pattern.compile("\"pending\":(\\d+)").matcher(get(base + "/api/v1/backlog"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static long rssKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Runs {@code total} requests on {@code threads} threads; answers the elapsed seconds. */
    static double load(int threads, int total, ThrowingRunnable request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong left = new AtomicLong(total);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    request.run();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    interface ThrowingRunnable {

        void run() throws Exception;
    }

    static void agent(String jar) throws Exception {
        Path dir = Files.createTempDirectory("edge-bench");
        int port = freePort();
        int gatewayPort = freePort();
        String base = "http://127.0.0.1:" + port;
        String gatewayBase = "http://127.0.0.1:" + gatewayPort;
        String opts = System.getenv().getOrDefault("EDGE_JAVA_OPTS", "-XX:+UseSerialGC -Xmx128m");
        KeyFile keys = new KeyFile(dir.resolve("edge-agent.keys"));
        deviceKey = keys.create("bench-scanner", AccessRole.DEVICE, Instant.now());
        operatorKey = keys.create("bench-operator", AccessRole.OPERATOR, Instant.now());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(opts.split(" ")));
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dportage.edge.store-path=" + dir.resolve("edge.db"), "-Dportage.edge.auth.keys-file=" + keys.path(),
                "-Dportage.edge.forward.url=" + gatewayBase + "/api/v1/edge/events",
                "-Dportage.edge.forward.backoff-max=1s", "-Dquarkus.oidc-client.auth-server-url=" + gatewayBase,
                "-Dquarkus.oidc-client.token-path=/token", "-Dquarkus.log.level=WARN", "-jar", jar));
        GatewayStandIn gateway = new GatewayStandIn(gatewayPort);
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        // The stand-in takes any client secret; the agent refuses to start with the default one.
        builder.environment().put("PORTAGE_EDGE_CLIENT_SECRET", "bench-client-secret");
        Process agent = builder.redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile())
                .start();
        try {
            while (true) {
                try {
                    if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (!agent.isAlive()) {
                    throw new IllegalStateException("the agent died: " + Files.readString(dir.resolve("agent.log")));
                }
                Thread.sleep(20);
            }
            double startup = (System.nanoTime() - started) / 1e9;
            System.out.printf("agent: %s, JVM options %s%n", jar, opts);
            System.out.printf("start-up to ready:             %.2f s, RSS %d MB%n", startup,
                    rssKb(agent.pid(), "VmRSS") / 1024);

            // Warm-up, not counted.
            load(4, 2000, () -> post(base + "/api/v1/events", event("WARM-" + UUID.randomUUID(), "NORMAL")));

            int singles = 5000;
            double t1 = load(1, 1000, () -> post(base + "/api/v1/events", event("S-1", "NORMAL")));
            System.out.printf("durable ingest, single, 1 client:   %,8.0f events/s (1,000 events)%n", 1000 / t1);
            double t8 = load(8, singles, () -> post(base + "/api/v1/events", event("S-8", "NORMAL")));
            System.out.printf("durable ingest, single, 8 clients:  %,8.0f events/s (%,d events)%n", singles / t8,
                    singles);

            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 500; i++) {
                batch.append(i == 0 ? "" : ",").append(event("B-" + (i % 50), i % 10 == 0 ? "GATE" : "NORMAL"));
            }
            String body = batch.append(']').toString();
            int batches = 200;
            for (int clients : new int[]{2, 4}) {
                double tb = load(clients, batches, () -> {
                    HttpResponse<String> response = post(base + "/api/v1/events/batch", body);
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                });
                System.out.printf("durable ingest, batches of 500, %d clients: %,8.0f events/s (%,d events)%n", clients,
                        batches * 500 / tb, batches * 500);
            }
            System.out.printf("RSS after ingest:              %d MB (peak %d MB)%n", rssKb(agent.pid(), "VmRSS") / 1024,
                    rssKb(agent.pid(), "VmHWM") / 1024);

            long backlog = pending(base);
            gateway.up();
            long forwardStart = System.nanoTime();
            while (pending(base) > 0) {
                Thread.sleep(100);
            }
            double tf = (System.nanoTime() - forwardStart) / 1e9;
            System.out.printf("forward to the stand-in gateway:    %,8.0f events/s (%,d events in %.1f s, batches of 500)%n",
                    backlog / tf, backlog, tf);
            System.out.printf("RSS after forwarding:          %d MB (peak %d MB)%n",
                    rssKb(agent.pid(), "VmRSS") / 1024, rssKb(agent.pid(), "VmHWM") / 1024);
        } finally {
            agent.destroy();
            agent.waitFor();
            gateway.close();
        }
    }

    static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    /** {@code edgeIds}: ids assigned at the edge (time-ordered); otherwise random ones, as scanners send them. */
    static void drain(long total, boolean edgeIds) throws Exception {
        Path dir = Files.createTempDirectory("edge-drain");
        EventIds ids = new EventIds(Clock.systemUTC());
        System.out.printf("ids: %s%n", edgeIds ? "assigned at the edge (UUIDv7)" : "random (UUIDv4, sent by scanners)");
        try (EventStore store = EventStore.open(dir.resolve("drain.db"))) {
            long fillStart = System.nanoTime();
            List<EdgeEvent> batch = new ArrayList<>(5000);
            for (long n = 0; n < total; n++) {
                batch.add(
                        new EdgeEvent(edgeIds ? ids.next() : UUID.randomUUID(), "scan.pick.confirmed", "ORDER-" + (n % 10_000),
                                Priority.values()[(int) (n % 4)], Instant.now(), Instant.now(),
                                "{\"sku\":\"SKU-CHAIR-01\",\"quantity\":2,\"scanner\":\"RF-07\",\"n\":" + n + "}"));
                if (batch.size() == 5000) {
                    store.store(batch);
                    batch.clear();
                }
            }
            store.store(batch);
            double fill = (System.nanoTime() - fillStart) / 1e9;
            System.out.printf("backlog of %,d events stored in %.1f s (%,.0f events/s in batches of 5,000); store %d MB%n",
                    total, fill, total / fill, store.backlog().storeBytes() / (1024 * 1024));
            long heapFull = heapAfterGc();
            System.out.printf("heap after GC with the backlog stored: %d MB (max heap %d MB)%n", heapFull,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));

            AtomicLong sent = new AtomicLong();
            Forwarder forwarder = new Forwarder(store, events -> {
                sent.addAndGet(events.size());
                return events.stream().map(e -> new ForwardResult(e.id(), ForwardResult.Status.ACCEPTED, null)).toList();
            }, 500, Clock.systemUTC());
            long drainStart = System.nanoTime();
            long nextReport = total / 10;
            long maxHeap = 0;
            while (forwarder.forwardOnce().sent() > 0) {
                if (sent.get() >= nextReport) {
                    store.compact(Instant.now().plusSeconds(1), Integer.MAX_VALUE);
                    long heap = heapAfterGc();
                    maxHeap = Math.max(maxHeap, heap);
                    System.out.printf("  drained %,9d, pending %,9d, heap after GC %3d MB%n", sent.get(),
                            store.backlog().pending(), heap);
                    nextReport += total / 10;
                }
            }
            double tdrain = (System.nanoTime() - drainStart) / 1e9;
            System.out.printf("drained %,d events in %.1f s (%,.0f events/s, batches of 500, no network); heap after GC"
                    + " at most %d MB while draining%n", sent.get(), tdrain, sent.get() / tdrain, maxHeap);
        }
    }
}

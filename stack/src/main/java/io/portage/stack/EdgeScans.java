package io.portage.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's pickers at warehouse WH1: their scans go into the edge agent with the scanners' device key, and the
 * agent forwards them to the gateway (portage.warehouse), which moves the orders to PICKED.
 */
final class EdgeScans {

    private final Launcher launcher;
    private final DemoHttp web;
    private final String opsToken;

    EdgeScans(Launcher launcher, DemoHttp web, String opsToken) {
        this.launcher = launcher;
        this.web = web;
        this.opsToken = opsToken;
    }

    /**
     * Pickers scan the released orders' lines at warehouse WH1; the edge agent stores each scan on its disk, then
     * forwards them to the gateway (client edge-wh1), which publishes them on portage.warehouse.
     */
    void play(List<String> orderIds) {
        System.out.println(
                "\n   Pickers at WH1 scan the lines; the edge agent keeps each scan on disk and forwards it to the gateway:");
        String edge = launcher.url("edge-agent");
        // The scanners post with their device key; the status page takes the operator's.
        EdgeKeys keys = launcher.edgeKeys();
        long before = web.get(edge + "/", keys.operator()).body().path("forwarding").path("forwardedSinceStart").asLong();
        List<Map<String, Object>> scans = new ArrayList<>();
        for (String orderId : orderIds) {
            JsonNode order = web.get(launcher.url("order-service") + "/api/v1/orders/" + orderId, opsToken).body();
            if (!"RELEASED".equals(order.path("status").asText())) {
                continue;
            }
            int line = 0;
            for (JsonNode orderLine : order.path("lines")) {
                line++;
                scans.add(Map.of("type", "scan.pick.confirmed", "key", orderId, "priority", "DISPATCH",
                        "occurredAt", java.time.Instant.now().toString(),
                        "payload",
                        Map.of("lineNumber", line, "sku", orderLine.path("productSku").asText(orderLine.path("sku").asText()),
                                "quantity", orderLine.path("quantity").decimalValue(), "location", "A-0" + line + "-01",
                                "pickerId", "badge-17")));
            }
        }
        if (scans.isEmpty()) {
            System.out.println("   (no released order to pick)");
            return;
        }
        long started = System.nanoTime();
        DemoHttp.Reply stored;
        try {
            stored = web.send(HttpRequest.newBuilder(URI.create(edge + "/api/v1/events/batch"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + keys.device())
                    .POST(HttpRequest.BodyPublishers.ofString(DemoHttp.JSON.writeValueAsString(scans)))
                    .build());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status;
        do {
            status = web.get(edge + "/", keys.operator()).body();
            if (status.path("backlog").path("pending").asLong() == 0
                    && status.path("forwarding").path("forwardedSinceStart").asLong() - before >= scans.size()) {
                break;
            }
            DemoHttp.sleep(100);
        } while (System.nanoTime() < deadline);
        System.out.printf(
                "   %d pick scans -> %d stored at the edge; forwarded %d in %d ms (uplink %s, %d waiting, %d dead letters)%n",
                scans.size(), stored.status(), status.path("forwarding").path("forwardedSinceStart").asLong() - before,
                (System.nanoTime() - started) / 1_000_000,
                status.path("forwarding").path("uplinkUp").asBoolean() ? "up" : "down",
                status.path("backlog").path("pending").asLong(), status.path("deadLetters").asLong());
        // The gateway publishes them as PickConfirmed on portage.warehouse; order-service moves each order to PICKED.
        for (String orderId : orderIds) {
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            JsonNode order;
            do {
                order = web.get(launcher.url("order-service") + "/api/v1/orders/" + orderId, opsToken).body();
                if (!"RELEASED".equals(order.path("status").asText())) {
                    break;
                }
                DemoHttp.sleep(100);
            } while (System.nanoTime() < until);
            System.out.printf("   order %s -> %s%n", orderId.substring(0, 8), order.path("status").asText());
        }
    }
}

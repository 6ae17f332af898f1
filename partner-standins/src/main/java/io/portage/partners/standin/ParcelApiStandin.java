package io.portage.partners.standin;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an EasyPost-style parcel API (v2) the tests start: orders with one shipment per parcel and their
 * rates ({@code POST /v2/orders}), buying by carrier and service ({@code POST /v2/orders/{id}/buy}), refunds
 * ({@code POST /v2/shipments/{id}/refund}) and trackers ({@code POST /v2/trackers}); the API key as basic-auth user;
 * errors as {@code {"error":{"code","message"}}}. Tests make it slow, throttle (429 + Retry-After), fail or refuse.
 * Given a webhook address and secret, it posts each tracker's scans there as a {@code tracker.updated} event signed
 * {@code X-Hmac-Signature: hmac-sha256-hex=...}, as EasyPost does; the local stack tells it scans through
 * {@code POST /_standin/trackers/{code}} (not part of the carrier's API).
 */
public final class ParcelApiStandin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String apiKey;
    private final BigDecimal basePrice;
    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    /** Whether each order asked since the last reset was a return. */
    private final List<Boolean> returnsAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, ArrayNode> trackingDetails = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile long delayMillis;
    private volatile long buyDelayMillis;
    private volatile String refuseBuy;
    private final AtomicInteger throttleNext = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private final AtomicInteger failNext = new AtomicInteger();

    private volatile Webhooks webhooks;

    private final String currency;
    private final Map<String, String> signers = new ConcurrentHashMap<>();
    /** Karrio's unified tracker images per tracking code: {@code delivery_image}, {@code signature_image} (base64). */
    private final Map<String, JsonNode> images = new ConcurrentHashMap<>();

    /** A carrier pricing in EUR on a free loopback port. */
    public ParcelApiStandin(String name, String apiKey, BigDecimal basePrice) throws IOException {
        this(name, apiKey, basePrice, "EUR", 0);
    }

    /** A carrier pricing in {@code currency} on a loopback port ({@code 0}: any free one). */
    public ParcelApiStandin(String name, String apiKey, BigDecimal basePrice, String currency, int port) throws IOException {
        this.name = name;
        this.currency = currency;
        this.apiKey = apiKey;
        this.basePrice = basePrice;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** Back to a prompt carrier that sells every label. */
    public void reset() {
        delayMillis = 0;
        buyDelayMillis = 0;
        refuseBuy = null;
        throttleNext.set(0);
        failNext.set(0);
        calls.clear();
        returnsAsked.clear();
    }

    /** Answers every call after this long. */
    public void slow(long millis) {
        delayMillis = millis;
    }

    /** Answers label purchases after this long (the label may still be bought: the caller never knows). */
    public void slowBuy(long millis) {
        buyDelayMillis = millis;
    }

    /** Refuses to sell labels with this error code (HTTP 422). */
    public void refuseBuy(String code) {
        refuseBuy = code;
    }

    /** Answers the next {@code n} calls 429 with Retry-After. */
    public void throttle(int n, int retryAfter) {
        throttleNext.set(n);
        retryAfterSeconds = retryAfter;
    }

    /** Answers the next {@code n} calls 503. */
    public void fail(int n) {
        failNext.set(n);
    }

    /** Posts every tracker's scans to {@code url}, signed with {@code secret}, from now on. */
    public void webhooks(String url, String secret) {
        webhooks = new Webhooks(url, secret);
    }

    /** The carrier's scans of a tracking code, as its trackers report them (and its webhook, when it has one). */
    public void track(String trackingCode, List<Map<String, String>> details) {
        ArrayNode array = JSON.createArrayNode();
        details.forEach(detail -> {
            ObjectNode node = array.addObject();
            node.put("status", detail.get("status"))
                    .put("message", detail.get("message"))
                    .put("datetime",
                            detail.get("datetime"));
            node.putObject("tracking_location").put("city", detail.get("city")).put("country", detail.get("country"));
        });
        trackingDetails.put(trackingCode, array);
        Webhooks hooks = webhooks;
        if (hooks != null) {
            hooks.trackerUpdated(tracker(trackingCode));
        }
    }

    private ObjectNode tracker(String code) {
        ObjectNode tracker = JSON.createObjectNode()
                .put("id", "trk_" + code)
                .put("object", "Tracker")
                .put("tracking_code", code);
        tracker.set("tracking_details", trackingDetails.getOrDefault(code, JSON.createArrayNode()));
        if (signers.containsKey(code)) {
            tracker.put("signed_by", signers.get(code));
        }
        if (images.containsKey(code)) {
            tracker.set("images", images.get(code));
        }
        return tracker;
    }

    /** Whether every order this carrier was asked to rate since the last reset was a return ({@code is_return}), and there were some. */
    public boolean returnsOnly() {
        return !returnsAsked.isEmpty() && returnsAsked.stream().allMatch(Boolean::booleanValue);
    }

    /** How many calls reached a path prefix, e.g. {@code POST /v2/orders}. */
    public int calls(String prefix) {
        return calls.entrySet()
                .stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String key = exchange.getRequestMethod() + " " + path;
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (buyDelayMillis > 0 && path.endsWith("/buy")) {
                Thread.sleep(buyDelayMillis);
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                error(exchange, 401, "APIKEY.INVALID", "The API key is invalid");
                return;
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                error(exchange, 429, "RATE_LIMITED", "Too many requests; retry after " + retryAfterSeconds + " s");
                return;
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, 503, "SERVICE.UNAVAILABLE", "Carrier temporarily unavailable");
                return;
            }
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            if (path.startsWith("/_standin/trackers/") && "POST".equals(exchange.getRequestMethod())) {
                String code = path.substring("/_standin/trackers/".length());
                if (request.hasNonNull("signed_by")) {
                    signers.put(code, request.path("signed_by").asText());
                }
                if (request.path("images").isObject()) {
                    images.put(code, request.path("images"));
                }
                List<Map<String, String>> details = new ArrayList<>();
                request.path("tracking_details")
                        .forEach(detail -> details.add(Map.of("status", detail.path("status").asText(),
                                "message", detail.path("message").asText(), "datetime", detail.path("datetime").asText(),
                                "city", detail.path("city").asText(), "country", detail.path("country").asText())));
                track(code, details);
                respond(exchange, 200, tracker(code));
            } else if (path.equals("/v2/orders") && "POST".equals(exchange.getRequestMethod())) {
                createOrder(exchange, request.path("order"));
            } else if (path.matches("/v2/orders/[^/]+/buy")) {
                buy(exchange, path.split("/")[3], request);
            } else if (path.matches("/v2/shipments/[^/]+/refund")) {
                respond(exchange, 200, JSON.createObjectNode().put("id", path.split("/")[3]).put("refund_status", "submitted"));
            } else if (path.equals("/v2/trackers")) {
                respond(exchange, 200, tracker(request.path("tracker").path("tracking_code").asText()));
            } else {
                error(exchange, 404, "NOT_FOUND", "No such resource " + path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                error(exchange, 400, "PARAMETER.INVALID", e.toString());
            } catch (IOException closed) {
                // The client gave up (a timeout); nothing to answer.
            }
        }
    }

    private void createOrder(HttpExchange exchange, JsonNode order) throws IOException {
        if (order.path("to_address").path("zip").asText().isBlank()) {
            error(exchange, 422, "ADDRESS.VERIFY.FAILURE", "to_address: zip is required");
            return;
        }
        String id = "order_" + name + "_" + ids.incrementAndGet();
        ObjectNode created = JSON.createObjectNode()
                .put("id", id)
                .put("reference", order.path("reference").asText())
                .put("is_return", order.path("is_return").asBoolean(false));
        ArrayNode shipments = created.putArray("shipments");
        BigDecimal ounces = BigDecimal.ZERO;
        for (JsonNode shipment : order.path("shipments")) {
            ObjectNode s = shipments.addObject()
                    .put("id", "shp_" + name + "_" + ids.incrementAndGet())
                    .put("is_return", order.path("is_return").asBoolean(false));
            s.set("parcel", shipment.path("parcel"));
            ounces = ounces.add(shipment.path("parcel").path("weight").decimalValue());
        }
        BigDecimal kg = ounces.divide(new BigDecimal("35.274"), 3, RoundingMode.HALF_UP);
        ArrayNode rates = created.putArray("rates");
        rates.addObject()
                .put("id", "rate_" + ids.incrementAndGet())
                .put("carrier", name.toUpperCase())
                .put("service", "Ground")
                .put("rate",
                        basePrice.add(kg.multiply(new BigDecimal("0.50"))).setScale(2, RoundingMode.HALF_UP).toPlainString())
                .put("currency", currency)
                .put("delivery_days", 3);
        rates.addObject()
                .put("id", "rate_" + ids.incrementAndGet())
                .put("carrier", name.toUpperCase())
                .put("service", "Express")
                .put("rate", basePrice.multiply(new BigDecimal("2")).add(kg).setScale(2, RoundingMode.HALF_UP).toPlainString())
                .put("currency", currency)
                .put("delivery_days", 1);
        orders.put(id, created);
        returnsAsked.add(order.path("is_return").asBoolean(false));
        respond(exchange, 201, created);
    }

    private void buy(HttpExchange exchange, String orderId, JsonNode request) throws IOException {
        if (refuseBuy != null) {
            error(exchange, 422, refuseBuy, "The carrier refused the shipment");
            return;
        }
        ObjectNode order = orders.get(orderId);
        if (order == null) {
            error(exchange, 404, "ORDER.NOT_FOUND", "No order " + orderId);
            return;
        }
        JsonNode rate = null;
        for (JsonNode r : order.path("rates")) {
            if (r.path("carrier").asText().equals(request.path("carrier").asText())
                    && r.path("service").asText().equals(request.path("service").asText())) {
                rate = r;
            }
        }
        if (rate == null) {
            error(exchange, 422, "ORDER.BUY.RATE_NOT_FOUND", "No rate for that carrier and service");
            return;
        }
        List<JsonNode> shipments = new ArrayList<>();
        order.path("shipments").forEach(shipments::add);
        BigDecimal share = new BigDecimal(rate.path("rate").asText()).divide(new BigDecimal(shipments.size()), 2,
                RoundingMode.DOWN);
        BigDecimal rest = new BigDecimal(rate.path("rate").asText())
                .subtract(share.multiply(new BigDecimal(shipments.size() - 1)));
        for (int i = 0; i < shipments.size(); i++) {
            ObjectNode shipment = (ObjectNode) shipments.get(i);
            shipment.put("tracking_code", name.toUpperCase() + "1Z" + ids.incrementAndGet());
            shipment.putObject("selected_rate")
                    .put("carrier", rate.path("carrier").asText())
                    .put("service", rate.path("service").asText())
                    .put("rate", (i == 0 ? rest : share).toPlainString())
                    .put("currency", currency);
            shipment.putObject("postage_label").put("label_url", url() + "/labels/" + shipment.path("id").asText() + ".png");
        }
        respond(exchange, 200, order);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message).putArray("errors");
        respond(exchange, status, body);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

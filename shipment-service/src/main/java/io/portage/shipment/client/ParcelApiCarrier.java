package io.portage.shipment.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.shipment.config.CarrierConfig;
import io.portage.shipment.domain.carrier.Carrier;
import io.portage.shipment.domain.carrier.CarrierException;
import io.portage.shipment.domain.carrier.Label;
import io.portage.shipment.domain.carrier.Parcel;
import io.portage.shipment.domain.carrier.Rate;
import io.portage.shipment.domain.carrier.RateRequest;
import io.portage.shipment.domain.carrier.TrackingScan;
import io.portage.shipment.domain.tracking.ProofDocument;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * A parcel carrier behind an EasyPost-style API (v2): an order of one shipment per parcel is created to get its rates
 * ({@code POST /v2/orders}), bought by carrier and service ({@code POST /v2/orders/{id}/buy}), refunded per parcel
 * ({@code POST /v2/shipments/{id}/refund}) and tracked ({@code POST /v2/trackers}); weights travel in ounces and
 * dimensions in inches, the API key as the basic-auth user, errors as {@code {"error":{"code","message"}}}. Tracking
 * also arrives by signed webhook ({@code ParcelApiWebhooks}).
 */
final class ParcelApiCarrier implements Carrier {

    private static final BigDecimal OUNCES_PER_KG = new BigDecimal("35.274");
    private static final BigDecimal CM_PER_INCH = new BigDecimal("2.54");

    private final String code;
    private final WebClient web;
    private final CarrierConfig.Carrier config;
    private final CarrierHttp http;
    private final ObjectMapper json;
    private final String authorization;

    ParcelApiCarrier(String code, CarrierConfig.Carrier config, WebClient web, ObjectMapper json) {
        this.code = code;
        this.config = config;
        this.web = web;
        this.json = json;
        this.http = new CarrierHttp(code, config);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((config.apiKey().orElse("") + ":").getBytes());
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public boolean pushesTracking() {
        return true;
    }

    /** EasyPost's {@code is_return}: the label goes from the recipient back to the sender. */
    @Override
    public boolean sellsReturnLabels() {
        return true;
    }

    @Override
    public Uni<List<Rate>> rates(RateRequest request) {
        ObjectNode order = json.createObjectNode();
        ObjectNode body = order.putObject("order");
        body.put("reference", request.shipmentId().toString());
        if (request.returnLabel()) {
            body.put("is_return", true);
        }
        RateRequest.Destination to = request.destination();
        body.putObject("to_address")
                .put("name", to.name())
                .put("street1", to.street())
                .put("city", to.city())
                .put("zip", to.postalCode())
                .put("country", to.country());
        body.putObject("from_address").put("company", request.origin());
        ArrayNode shipments = body.putArray("shipments");
        for (Parcel parcel : request.parcels()) {
            shipments.addObject()
                    .putObject("parcel")
                    .put("weight", parcel.weightKg().multiply(OUNCES_PER_KG).setScale(1, RoundingMode.UP))
                    .put("length", inches(parcel.lengthCm()))
                    .put("width", inches(parcel.widthCm()))
                    .put("height", inches(parcel.heightCm()));
        }
        return http.send(true, () -> post("/v2/orders").sendBuffer(Buffer.buffer(order.toString())), this::error)
                .map(response -> {
                    JsonNode created = read(response);
                    String orderId = created.path("id").asText();
                    List<Rate> rates = new ArrayList<>();
                    for (JsonNode rate : created.path("rates")) {
                        rates.add(new Rate(code, rate.path("service").asText(), new BigDecimal(rate.path("rate").asText()),
                                rate.path("currency").asText(), rate.path("delivery_days").asInt(99),
                                orderId + "|" + rate.path("carrier").asText()));
                    }
                    return rates;
                });
    }

    @Override
    public Uni<Label> buy(RateRequest request, Rate rate) {
        String[] ref = rate.carrierRef().split("\\|", 2);
        ObjectNode body = json.createObjectNode().put("carrier", ref[1]).put("service", rate.service());
        return http.send(false, () -> post("/v2/orders/" + ref[0] + "/buy").sendBuffer(Buffer.buffer(body.toString())),
                this::error).map(response -> {
                    JsonNode order = read(response);
                    List<String> trackingNumbers = new ArrayList<>();
                    List<String> shipmentIds = new ArrayList<>();
                    BigDecimal total = BigDecimal.ZERO;
                    String currency = rate.currency();
                    String labelUrl = null;
                    for (JsonNode shipment : order.path("shipments")) {
                        trackingNumbers.add(shipment.path("tracking_code").asText());
                        shipmentIds.add(shipment.path("id").asText());
                        JsonNode selected = shipment.path("selected_rate");
                        total = total.add(new BigDecimal(selected.path("rate").asText("0")));
                        currency = selected.path("currency").asText(currency);
                        if (labelUrl == null) {
                            labelUrl = shipment.path("postage_label").path("label_url").asText(null);
                        }
                    }
                    if (trackingNumbers.isEmpty() || trackingNumbers.get(0).isBlank()) {
                        throw new CarrierException(code, CarrierException.Kind.REFUSED, "no-tracking-code",
                                "the bought order " + ref[0] + " holds no shipment with a tracking code");
                    }
                    return new Label(code, rate.service(), trackingNumbers.get(0), trackingNumbers, total, currency,
                            ref[0] + ":" + String.join(",", shipmentIds), labelUrl, "PNG");
                });
    }

    @Override
    public Uni<Void> voidLabel(Label label) {
        String[] shipmentIds = label.carrierRef().substring(label.carrierRef().indexOf(':') + 1).split(",");
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String shipmentId : shipmentIds) {
            chain = chain.chain(() -> http.send(false,
                    () -> post("/v2/shipments/" + shipmentId + "/refund").sendBuffer(Buffer.buffer("{}")), this::error)
                    .map(response -> {
                        String status = read(response).path("refund_status").asText();
                        if ("rejected".equals(status) || "not_applicable".equals(status)) {
                            throw new CarrierException(code, CarrierException.Kind.REFUSED, "refund-" + status,
                                    "refund of " + shipmentId + " was " + status);
                        }
                        return null;
                    })
                    .replaceWithVoid());
        }
        return chain;
    }

    @Override
    public Uni<List<TrackingScan>> track(String trackingNumber) {
        ObjectNode body = json.createObjectNode();
        body.putObject("tracker").put("tracking_code", trackingNumber);
        return http.send(true, () -> post("/v2/trackers").sendBuffer(Buffer.buffer(body.toString())), this::error)
                .map(response -> scans(read(response)));
    }

    /**
     * The scans of an EasyPost-style tracker object ({@code tracking_details}), as the carrier wrote them; the delivery
     * carries the signer ({@code signed_by}) and the proof-of-delivery images of Karrio's unified tracker
     * ({@code images.delivery_image}, {@code images.signature_image}, base64). An image that cannot be read is left out
     * (logged), never the scan.
     */
    public static List<TrackingScan> scans(JsonNode tracker) {
        List<TrackingScan> scans = new ArrayList<>();
        for (JsonNode detail : tracker.path("tracking_details")) {
            JsonNode where = detail.path("tracking_location");
            String status = detail.path("status").asText();
            boolean delivered = "delivered".equals(status);
            scans.add(new TrackingScan(status, detail.path("message").asText(null),
                    Instant.parse(detail.path("datetime").asText()), where.path("city").asText(null),
                    where.path("country").asText(null), delivered ? tracker.path("signed_by").asText(null) : null,
                    delivered ? proof(tracker) : List.of()));
        }
        return scans;
    }

    private static List<ProofDocument> proof(JsonNode tracker) {
        List<ProofDocument> proof = new ArrayList<>();
        JsonNode images = tracker.path("images");
        for (ProofDocument.Kind kind : ProofDocument.Kind.values()) {
            String field = kind == ProofDocument.Kind.SIGNATURE ? "signature_image" : "delivery_image";
            if (images.hasNonNull(field)) {
                try {
                    proof.add(ProofDocument.decode(kind, images.path(field).asText()));
                } catch (IllegalArgumentException e) {
                    Log.warnf("Tracker %s: %s; kept without it", tracker.path("tracking_code").asText(), e.getMessage());
                }
            }
        }
        return proof;
    }

    private HttpRequest<Buffer> post(String path) {
        return web.postAbs(config.url() + path)
                .putHeader("Authorization", authorization)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
    }

    private JsonNode read(HttpResponse<Buffer> response) {
        try {
            return json.readTree(response.bodyAsString());
        } catch (Exception e) {
            throw new CarrierException(code, CarrierException.Kind.UNAVAILABLE, "unreadable-answer",
                    "HTTP " + response.statusCode() + " with a body that is not JSON");
        }
    }

    /** The carrier's {@code {"error":{"code","message"}}}, refused for a 4xx, unavailable for a 5xx. */
    private CarrierException error(HttpResponse<Buffer> response) {
        CarrierException.Kind kind = CarrierHttp.kindOf(response.statusCode());
        String errorCode = "HTTP_" + response.statusCode();
        String message = response.statusMessage();
        try {
            JsonNode error = json.readTree(response.bodyAsString() == null ? "{}" : response.bodyAsString()).path("error");
            errorCode = error.path("code").asText(errorCode);
            message = error.path("message").asText(message);
        } catch (Exception notJson) {
            // The status line is all the carrier said.
        }
        return new CarrierException(code, kind, errorCode, message);
    }

    private static BigDecimal inches(int cm) {
        return new BigDecimal(cm).divide(CM_PER_INCH, 1, RoundingMode.UP);
    }
}

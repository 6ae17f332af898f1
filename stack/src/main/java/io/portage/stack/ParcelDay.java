package io.portage.stack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.portage.partners.standin.LocalPartners;

/**
 * The demo's packing bench and carriers at WH1: each picked order's shipment rated across the carriers, labelled by
 * the cheapest that sells, dispatched (Odoo's delivery validated), then tracked by the carrier's signed webhooks; all
 * but one parcel delivered with a signature, the last one failing at the address (an exception for customer service).
 */
final class ParcelDay {

    /** A shipment labelled and dispatched: ids, carrier, tracking number, label cost, destination. */
    record Dispatched(String shipmentId, String orderId, String carrier, String trackingNumber, java.math.BigDecimal cost,
            String currency, String country) {
    }

    private static final String PARCEL = """
            {"parcels":[{"weightKg":2.0,"lengthCm":40,"widthCm":30,"heightCm":20}]}""";

    private final Launcher launcher;
    private final DemoHttp web;
    private final String opsToken;

    ParcelDay(Launcher launcher, DemoHttp web, String opsToken) {
        this.launcher = launcher;
        this.web = web;
        this.opsToken = opsToken;
    }

    List<Dispatched> play(List<String> orderIds) {
        System.out.println("\n   The packing bench at WH1 packs each picked order (one 2 kg parcel) and buys its label:");
        String shipments = launcher.url("shipment-service") + "/api/v1/shipments";
        List<Dispatched> dispatched = new ArrayList<>();
        for (String orderId : orderIds) {
            JsonNode list = web.get(shipments + "?orderId=" + orderId, opsToken).body();
            JsonNode shipment = list.size() == 0 ? null : list.get(0);
            if (shipment == null || !"PLANNED".equals(shipment.path("status").asText())) {
                continue;
            }
            String id = shipment.path("id").asText();
            if (dispatched.isEmpty()) {
                JsonNode rates = web.post(shipments + "/" + id + "/rates", opsToken, PARCEL, null).body();
                List<String> offers = new ArrayList<>();
                rates.path("rates")
                        .forEach(rate -> offers.add(String.format(Locale.ROOT, "%s %s %s %.2f (%d days)",
                                rate.path("carrier").asText(), rate.path("service").asText(), rate.path("currency").asText(),
                                rate.path("amount").decimalValue(), rate.path("promisedDays").asInt())));
                System.out.println("   rates for the first: " + String.join("; ", offers));
            }
            DemoHttp.Reply label = web.post(shipments + "/" + id + "/label", opsToken, PARCEL, null);
            if (label.status() != 201) {
                throw new IllegalStateException("No label for shipment " + id + ": " + label.status() + " " + label.body());
            }
            JsonNode bought = label.body().path("shipment").path("label");
            DemoHttp.Reply left = web.post(shipments + "/" + id + "/dispatch", opsToken, "{}", null);
            System.out.printf(Locale.ROOT, "   shipment %s to %-9s -> label %s %s %s %.2f -> dispatched (%d)%n",
                    id.substring(0, 8), shipment.path("shipTo").path("city").asText(), bought.path("carrier").asText(),
                    bought.path("trackingNumber").asText(), bought.path("currency").asText(),
                    bought.path("amount").decimalValue(), left.status());
            dispatched.add(new Dispatched(id, orderId, bought.path("carrier").asText(),
                    bought.path("trackingNumber").asText(), bought.path("amount").decimalValue(),
                    bought.path("currency").asText(), shipment.path("shipTo").path("country").asText()));
        }
        if (dispatched.isEmpty()) {
            System.out.println("   (no shipment to pack)");
            return dispatched;
        }
        track(dispatched);
        return dispatched;
    }

    /** A customer sends everything back (not wanted): a return, its label, and the goods received resellable. */
    void giveBack(Dispatched parcel) {
        String shipment = launcher.url("shipment-service") + "/api/v1/shipments/" + parcel.shipmentId();
        JsonNode lines = web.get(shipment, opsToken).body().path("lines");
        StringBuilder wanted = new StringBuilder();
        StringBuilder received = new StringBuilder();
        for (JsonNode line : lines) {
            String sku = line.path("sku").asText();
            String quantity = line.path("quantity").decimalValue().toPlainString();
            wanted.append(wanted.isEmpty() ? "" : ",").append("{\"sku\":\"%s\",\"quantity\":%s}".formatted(sku, quantity));
            received.append(received.isEmpty() ? "" : ",")
                    .append("{\"sku\":\"%s\",\"quantity\":%s,\"condition\":\"RESELLABLE\"}".formatted(sku, quantity));
        }
        DemoHttp.Reply opened = web.post(shipment + "/returns", opsToken,
                "{\"reasonCode\":\"NOT_WANTED\",\"lines\":[" + wanted + "]}", null);
        if (opened.status() != 201) {
            throw new IllegalStateException("The return was refused: " + opened.status() + " " + opened.body());
        }
        String returnId = opened.body().path("id").asText();
        DemoHttp.Reply label = web.post(shipment + "/returns/" + returnId + "/label", opsToken, PARCEL, null);
        DemoHttp.Reply arrived = web.post(shipment + "/returns/" + returnId + "/receipt", opsToken,
                "{\"site\":\"WH1\",\"lines\":[" + received + "]}", null);
        System.out.printf("   the first customer sends it all back (not wanted): return %s, label %s %s (%d), received at"
                + " WH1 resellable -> %s%n", returnId.substring(0, 8), label.body().path("label").path("carrier").asText(),
                label.body().path("label").path("trackingNumber").asText(), label.status(),
                arrived.body().path("status").asText());
    }

    /** A 1x1 PNG, base64: the signature image the carriers send with a signed delivery. */
    private static final String SIGNATURE_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    /** The carriers scan the parcels and tell shipment-service by signed webhooks; the last one fails at the address. */
    private void track(List<Dispatched> dispatched) {
        System.out.println("\n   The carriers scan the parcels and send signed webhooks (tracker.updated):");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < dispatched.size(); i++) {
            Dispatched parcel = dispatched.get(i);
            boolean last = i == dispatched.size() - 1 && dispatched.size() > 1;
            List<Map<String, String>> scans = new ArrayList<>();
            scans.add(scan("in_transit", "Departed the sorting centre", now.minusSeconds(5400), "Venlo", "NL"));
            scans.add(scan("out_for_delivery", "Out for delivery", now.minusSeconds(1800), "", parcel.country()));
            scans.add(last
                    ? scan("failure", "Address not found: the street does not exist", now.minusSeconds(600), "",
                            parcel.country())
                    : scan("delivered", "Delivered, signed by the recipient", now.minusSeconds(300), "", parcel.country()));
            tell(parcel, scans, last ? null : "J. RECIPIENT");
            String expected = last ? "EXCEPTION" : "DELIVERED";
            // A signed delivery brings the signature's image: the tracking lists it once kept.
            JsonNode tracker = web.await(launcher.url("shipment-service") + "/api/v1/shipments/" + parcel.shipmentId()
                    + "/tracking", opsToken,
                    body -> body.size() > 0 && expected.equals(body.path(0).path("status").asText())
                            && (last || body.path(0).path("proofOfDelivery").size() > 0),
                    Duration.ofSeconds(30), "shipment " + parcel.shipmentId() + " " + expected);
            System.out.printf("   %s %s -> %s after %d scans%s%n", parcel.carrier(), parcel.trackingNumber(),
                    tracker.path(0).path("status").asText(), tracker.path(0).path("scans").size(),
                    last
                            ? ": a delivery exception for customer service"
                            : ", proof of delivery signed (the signature's image: "
                                    + tracker.path(0).path("proofOfDelivery").path(0).path("uri").asText() + ")");
        }
        JsonNode items = web.get(launcher.url("shipment-service") + "/ops/exceptions?type=shipment.delivery-exception"
                + "&status=OPEN&limit=1000", opsToken).body();
        Dispatched failed = dispatched.get(dispatched.size() - 1);
        for (JsonNode item : items) {
            if (item.path("businessKey").asText().equals(failed.shipmentId())) {
                System.out.printf("   exception for %s: %s%n", item.path("ownerRole").asText(),
                        item.path("summary").asText());
            }
        }
    }

    private void tell(Dispatched parcel, List<Map<String, String>> scans, String signer) {
        LocalPartners.Carrier carrier = LocalPartners.CARRIERS.stream()
                .filter(c -> c.name().equals(parcel.carrier()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Not a carrier of the local stack: " + parcel.carrier()));
        String body;
        try {
            Map<String, Object> request = new java.util.LinkedHashMap<>();
            request.put("tracking_details", scans);
            if (signer != null) {
                request.put("signed_by", signer);
                // The carrier's image of the signature, as Karrio's tracker carries it (base64).
                request.put("images", Map.of("signature_image", SIGNATURE_PNG));
            }
            body = DemoHttp.JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        DemoHttp.Reply reply = web.send(HttpRequest
                .newBuilder(URI.create(PartnersProcess.carrierUrl(launcher.base(), carrier) + "/_standin/trackers/"
                        + parcel.trackingNumber()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((carrier.apiKey() + ":").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (reply.status() != 200) {
            throw new IllegalStateException("The carrier " + carrier.name() + " refused the scans: " + reply.body());
        }
    }

    private static Map<String, String> scan(String status, String message, Instant at, String city, String country) {
        return Map.of("status", status, "message", message, "datetime", at.toString(), "city", city, "country", country);
    }
}

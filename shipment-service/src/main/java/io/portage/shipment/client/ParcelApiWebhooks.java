package io.portage.shipment.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.shipment.config.CarrierConfig;
import io.portage.shipment.domain.carrier.TrackingScan;

/**
 * Reads the EasyPost-style webhooks of parcel API carriers: the signature {@code X-Hmac-Signature:
 * hmac-sha256-hex=<hex>} is the HMAC-SHA256 of the raw body with the carrier's webhook secret (NFKD-normalised), checked
 * in constant time before anything is read; a {@code tracker.updated} event carries the tracker with its scans.
 */
@ApplicationScoped
public class ParcelApiWebhooks {

    private static final String PREFIX = "hmac-sha256-hex=";

    private final CarrierRegistry carriers;
    private final ObjectMapper json;

    public ParcelApiWebhooks(CarrierRegistry carriers, ObjectMapper json) {
        this.carriers = carriers;
        this.json = json;
    }

    /** A tracker update: the tracking code and the scans it holds. */
    public record TrackerUpdate(String trackingCode, List<TrackingScan> scans) {
    }

    /** Whether {@code carrier} is a configured parcel API carrier with a webhook secret. */
    public boolean accepts(String carrier) {
        CarrierConfig.Carrier settings = carriers.settings(carrier);
        return settings != null && settings.style() == CarrierConfig.Style.PARCEL_API && settings.webhookSecret().isPresent();
    }

    /** Whether the signature header is the HMAC of the body with the carrier's secret. */
    public boolean signedBy(String carrier, String body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sign(carriers.settings(carrier).webhookSecret().orElseThrow(), body), given);
    }

    /** The HMAC-SHA256 of a body with a secret, as the carrier computes it. */
    public static byte[] sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The tracker of a {@code tracker.updated} event; empty for other events.
     *
     * @throws IllegalArgumentException when the body is not such an event
     */
    public Optional<TrackerUpdate> trackerUpdate(String body) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (event == null || !"tracker.updated".equals(event.path("description").asText())) {
            return Optional.empty();
        }
        JsonNode tracker = event.path("result");
        String code = tracker.path("tracking_code").asText("");
        if (code.isBlank()) {
            throw new IllegalArgumentException("result.tracking_code is required");
        }
        try {
            return Optional.of(new TrackerUpdate(code, ParcelApiCarrier.scans(tracker)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("result.tracking_details: each needs a status and an ISO datetime");
        }
    }
}

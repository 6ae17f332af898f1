package io.portage.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures in the Standard Webhooks form: headers {@code webhook-id}, {@code webhook-timestamp} (Unix
 * seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with the subscription's
 * secret ({@code whsec_<base64 key>}). The timestamp is signed, so a receiver refuses a replayed delivery older than
 * its tolerance; {@link #verify} is what a receiver does, and what partners can copy.
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} value for a delivery. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Unusable webhook secret", e);
        }
    }

    /**
     * Whether a received delivery is genuine and fresh: one of the space-separated signatures matches (compared in
     * constant time) and the timestamp is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatures,
            Duration tolerance, Instant now) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - sent) > tolerance.toSeconds() || signatures == null) {
            return false;
        }
        byte[] expected = sign(secret, id, sent, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatures.trim().split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}

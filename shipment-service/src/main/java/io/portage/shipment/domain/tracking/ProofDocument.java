package io.portage.shipment.domain.tracking;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A carrier's proof-of-delivery image (a parcel API tracker's {@code images}, Karrio's unified tracker: the delivery
 * photo and the signature, base64): its kind, media type (read from its first bytes, never from the carrier's word) and
 * content, at most {@value #MAX_BYTES} bytes.
 */
public record ProofDocument(Kind kind, String contentType, byte[] content) {

    /** The largest image kept (a delivery photo is tens of KB; Australia Post caps a signature at 10 KB). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** What the image shows; its slug names it in the document's address. */
    public enum Kind {

        DELIVERY_PHOTO("delivery-photo"), SIGNATURE("signature");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        /** The kind of a slug, or null. */
        public static Kind ofSlug(String slug) {
            for (Kind kind : values()) {
                if (kind.slug.equals(slug)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * An image from the carrier's base64 (plain or a {@code data:} URL); {@link IllegalArgumentException} when it is not
     * base64, is empty or larger than {@value #MAX_BYTES} bytes, or is not a PNG, JPEG, GIF or PDF.
     */
    public static ProofDocument decode(Kind kind, String base64) {
        String text = base64 == null ? "" : base64.strip();
        int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
        if (comma >= 0) {
            text = text.substring(comma + 1);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(kind.slug() + " image is empty");
        }
        if (text.length() > (MAX_BYTES / 3 + 1) * 4 + 8) {
            throw new IllegalArgumentException(kind.slug() + " image is larger than " + MAX_BYTES + " bytes");
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kind.slug() + " image is not base64: " + e.getMessage());
        }
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new IllegalArgumentException(kind.slug() + " image is empty or larger than " + MAX_BYTES + " bytes");
        }
        String type = mediaType(content);
        if (type == null) {
            throw new IllegalArgumentException(kind.slug() + " image is not a PNG, JPEG, GIF or PDF");
        }
        return new ProofDocument(kind, type, content);
    }

    private static String mediaType(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The SHA-256 of the content, hex: the same image sent again is recognised. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the API serves a shipment's document of a kind (the same path on shipment-service and the gateway). */
    public static String uri(UUID shipmentId, Kind kind) {
        return "/api/v1/shipments/" + shipmentId + "/proof-of-delivery/" + kind.slug();
    }

    @Override
    public String toString() {
        return "ProofDocument[" + kind + ", " + contentType + ", " + content.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProofDocument that && kind == that.kind && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(content);
    }
}

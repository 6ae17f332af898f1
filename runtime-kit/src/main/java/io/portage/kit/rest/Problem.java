package io.portage.kit.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code violations} names each offending field by its
 * JSON path in the request body, e.g. {@code lines[0].quantity}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, URI instance, String correlationId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://docs.portage.io/problems/";

    /** The problem a refusal carries, answered for {@code path}. */
    public static Problem of(ProblemException refused, String path, String correlationId) {
        return new Problem(type(refused.slug()), refused.title(), refused.status(), refused.getMessage(), instance(path),
                correlationId, refused.violations().isEmpty() ? null : refused.violations());
    }

    /** The 500 of an unexpected failure: nothing internal, only the correlation id to quote. */
    public static Problem internalError(String path, String correlationId) {
        return new Problem(type("internal-error"), "Internal error", 500,
                "The request failed unexpectedly; quote correlation id " + correlationId + " when reporting it",
                instance(path), correlationId, null);
    }

    /** One invalid field: its path in the request and what is wrong with it. */
    @RegisterForReflection
    public record Violation(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /**
     * The {@code instance} of a problem about the request at {@code path}, decoded or still encoded: every character a
     * URI path cannot hold (a control character, a space, {@code "<>\\^`{|}}, non-ASCII, {@code :}, a {@code %} that starts
     * no escape, the second slash of a leading {@code //}) is percent-encoded, so this never throws whatever the caller sent.
     */
    public static URI instance(String path) {
        if (path == null || path.isEmpty()) {
            return URI.create("/");
        }
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                encoded.append('%');
            } else if (b < 0x80 && PATH_CHARACTERS.indexOf(b) >= 0) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
            }
        }
        if (encoded.length() > 1 && encoded.charAt(0) == '/' && encoded.charAt(1) == '/') {
            // A path, not an authority: "//host/x" would otherwise name a host.
            encoded.replace(1, 2, "%2F");
        }
        return URI.create(encoded.toString());
    }

    /**
     * RFC 3986 {@code pchar} and {@code /}, without {@code %}, and without {@code :} (in a first segment it would read
     * as a scheme): what a path may carry as it is.
     */
    private static final String PATH_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@/";
    private static final String HEX = "0123456789ABCDEF";

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}

package io.portage.edge.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One device's or integration's key as the agent keeps it: a name, a role and the SHA-256 of the key, never the key.
 * Keys are 256 random bits, so a fast hash is as safe as a slow one: there is no dictionary to try against it.
 */
public record AccessKey(String name, AccessRole role, String sha256, Instant created) {

    /** Names: letters, digits, {@code .}, {@code _} and {@code -}, at most 64, starting with a letter or a digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Every key starts with this, so that secret scanners and people can tell one when they see it. */
    public static final String PREFIX = "pek_";

    private static final SecureRandom RANDOM = new SecureRandom();

    public AccessKey {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key's name is 1-64 letters, digits, '.', '_' or '-': " + name);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
    }

    /** A new random key: {@value #PREFIX} and 32 random bytes in URL-safe Base64. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256Of(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    /** Whether {@code presentedDigest} (the SHA-256 of a presented key) is this key's, compared in constant time. */
    public boolean matchesDigest(byte[] presentedDigest) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(sha256), presentedDigest);
    }

    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package io.portage.odoo.connector.ops;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Which Odoo an integration user is talking to (ODOO.md, "Which Odoo is this?"): the URL, the database, the server's
 * version and when the database was created ({@code res.company} 1's {@code create_date}). A restored copy or a
 * staging database has another URL, name or creation date, so the same ids there mean other records.
 */
public record OdooInstance(String url, String database, String serverVersion, String serie, String databaseCreated) {

    /**
     * A stable string for this instance: SHA-256 (hex, first 32 characters) of the normalized URL (lower-case scheme
     * and host, no trailing slash), the database, the version serie (e.g. 18.0: a patch build does not change it, a
     * major upgrade does) and the creation date.
     */
    public String fingerprint() {
        String key = normalized(url) + "\n" + database + "\n" + serie + "\n" + databaseCreated;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String normalized(String url) {
        URI uri = URI.create(url.trim());
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + host + ":" + port + path;
    }
}

package io.portage.shipment.domain.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** Each carrier style's raw tracking codes mapped to the canonical status, read from {@code carrier-codes.properties}. */
public final class CarrierCodes {

    /** What a raw code means: the status, and for an exception its type, for a delivery its proof (null otherwise). */
    public record Meaning(TrackingStatus status, String detail) {
    }

    /** The table of X12 214 shipment status codes (AT7-01): the freight carriers' trace speaks them too. */
    public static final String EDI_214 = "FREIGHT";

    private static final Meaning UNKNOWN = new Meaning(TrackingStatus.UNKNOWN, null);

    private final Map<String, Meaning> meanings = new ConcurrentHashMap<>();

    private CarrierCodes(Properties table) {
        table.forEach((key, value) -> {
            String[] parts = value.toString().split(",", 2);
            meanings.put(key.toString(), new Meaning(TrackingStatus.valueOf(parts[0].trim()),
                    parts.length > 1 ? parts[1].trim() : null));
        });
    }

    /** The table shipped with the service. */
    public static CarrierCodes load() {
        Properties table = new Properties();
        try (InputStream in = CarrierCodes.class.getResourceAsStream("/carrier-codes.properties")) {
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CarrierCodes(table);
    }

    /** What {@code rawCode} of a carrier of {@code style} means; UNKNOWN when the table does not say. */
    public Meaning meaning(String style, String rawCode) {
        return meanings.getOrDefault(style + "." + rawCode, UNKNOWN);
    }
}

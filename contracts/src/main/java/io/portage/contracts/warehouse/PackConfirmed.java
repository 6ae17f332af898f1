package io.portage.contracts.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The warehouse packed a picked order into parcels ({@code io.portage.warehouse.pack-confirmed.v1} on
 * {@code portage.warehouse}, subject = {@code orderId}).
 */
@RegisterForReflection
public record PackConfirmed(
        String orderId,
        String site,
        List<Parcel> parcels,
        Instant confirmedAt) {

    /** One parcel: its GS1 SSCC, its weight and what is in it. */
    @RegisterForReflection
    public record Parcel(String sscc, BigDecimal weightKg, List<Line> lines) {
    }

    /** A SKU and a positive quantity packed into a parcel. */
    @RegisterForReflection
    public record Line(String sku, BigDecimal quantity) {
    }
}

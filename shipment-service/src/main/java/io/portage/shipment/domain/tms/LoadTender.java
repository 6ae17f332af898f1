package io.portage.shipment.domain.tms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A shipment offered to the TMS for load planning: where it leaves from and goes, by when it is ready, how heavy. */
public record LoadTender(UUID shipmentId, String origin, String destinationCountry, String destinationPostalCode,
        String destinationCity, Instant readyBy, String serviceLevel, BigDecimal quantity) {
}

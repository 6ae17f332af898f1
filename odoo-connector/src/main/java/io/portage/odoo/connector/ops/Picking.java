package io.portage.odoo.connector.ops;

import java.time.Instant;
import java.util.List;

/** A {@code stock.picking} as the services need it. */
public record Picking(long id, String name, String state, String origin, String carrierTrackingRef,
        Instant scheduledDate, List<Long> moveIds) {
}

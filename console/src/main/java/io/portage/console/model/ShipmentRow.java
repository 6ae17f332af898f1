package io.portage.console.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A shipment as shipment-service answers it, with what people search it by. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShipmentRow(String id, String orderId, String partnerId, String warehouse, String status, Label label,
        Odoo odoo, Instant plannedAt, Instant dispatchedAt) {

    /** Its label: carrier and tracking number. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Label(String carrier, String trackingNumber) {
    }

    /** Its Odoo sale order and delivery. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Odoo(String saleOrderName, String pickingName) {
    }

    /** A shipment known only by its id (named by a trailer's appointment). */
    public static ShipmentRow of(String id) {
        return new ShipmentRow(id, null, null, null, null, null, null, null, null);
    }
}

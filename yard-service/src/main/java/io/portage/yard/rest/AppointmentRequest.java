package io.portage.yard.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.portage.yard.domain.Direction;

/**
 * The body of {@code POST /api/v1/appointments}; {@code loadType} is optional (any door of the dock), and an inbound
 * booking may name the Odoo purchase orders it delivers ({@code purchaseOrders}, checked in Odoo).
 */
public record AppointmentRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,32}", message = "must be an upper-case site code") String site,
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,16}", message = "must be an upper-case dock code") String dock,
        @Pattern(regexp = "[A-Z0-9-]{1,32}", message = "must be an upper-case load type code") String loadType,
        @NotNull Direction direction,
        @NotBlank @Size(max = 100) String carrier,
        @NotBlank @Size(max = 100) String reference,
        @NotNull Instant slotStart,
        @NotNull Instant slotEnd,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9/_-]{1,32}", message = "must be an Odoo purchase order name such as P00013") String> purchaseOrders,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", message = "must be a shipment id (a UUID in lower case)") String> shipments) {
}

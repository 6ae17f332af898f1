package io.portage.shipment.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.kit.security.Callers;
import io.portage.shipment.domain.tms.TmsLoad;
import io.portage.shipment.service.LoadNotFoundException;
import io.portage.shipment.service.LoadPlanning;
import io.portage.shipment.service.ShipmentService;
import io.smallrye.mutiny.Uni;

/**
 * A shipment's load plan at {@code /api/v1/shipments/{id}/load-plan} (scope {@code shipments:read}): its TMS load,
 * the plan applied (revision, carrier, pickup window) and its outbound dock appointment at yard-service.
 */
@Path("/api/v1/shipments/{id}/load-plan")
@Produces(MediaType.APPLICATION_JSON)
public class LoadPlanResource {

    private static final String SHIPMENTS_READ = "shipments:read";

    private final ShipmentService shipments;
    private final LoadPlanning planning;
    private final Callers callers;

    public LoadPlanResource(ShipmentService shipments, LoadPlanning planning, Callers callers) {
        this.shipments = shipments;
        this.planning = planning;
        this.callers = callers;
    }

    /** A load as the API shows it. */
    public record LoadPlanView(UUID shipmentId, String status, String loadId, int tenderAttempts, String tenderError,
            long revision, String carrier, Instant pickupStart, Instant pickupEnd, Instant plannedAt,
            String appointmentStatus, UUID appointmentId, Instant appointmentStart, Instant appointmentEnd,
            String appointmentError) {

        static LoadPlanView of(TmsLoad l) {
            return new LoadPlanView(l.shipmentId(), l.status().name(), l.loadId(), l.tenderAttempts(), l.tenderError(),
                    l.revision(), l.carrier(), l.pickupStart(), l.pickupEnd(), l.plannedAt(), l.appointmentStatus().name(),
                    l.appointmentId(), l.appointmentStart(), l.appointmentEnd(), l.appointmentError());
        }
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_READ)
    @GET
    @Operation(summary = "A shipment's TMS load plan", description = "Tender, plan (carrier, pickup window) and dock appointment; 404 before the shipment was enlisted for the TMS.")
    @APIResponse(responseCode = "200", description = "The load")
    @APIResponse(responseCode = "404", description = "No such shipment, or no load of it")
    public Uni<LoadPlanView> loadPlan(@PathParam("id") UUID id) {
        String partner = callers.current().requireScope(SHIPMENTS_READ).tenant().orElse(null);
        return shipments.find(id, partner)
                .chain(() -> planning.of(id))
                .map(load -> {
                    if (load == null) {
                        throw new LoadNotFoundException(id);
                    }
                    return LoadPlanView.of(load);
                });
    }
}

package io.portage.shipment.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.kit.security.Callers;
import io.portage.shipment.service.TimelineService;
import io.smallrye.mutiny.Uni;

/** One shipment's timeline at {@code /api/v1/shipments/{id}/timeline} (scope {@code shipments:read}; a partner its own). */
@Path("/api/v1/shipments/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private static final String SHIPMENTS_READ = "shipments:read";

    private final TimelineService timelines;
    private final Callers callers;

    public TimelineResource(TimelineService timelines, Callers callers) {
        this.timelines = timelines;
        this.callers = callers;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_READ)
    @GET
    @Operation(summary = "Read a shipment's timeline", description = "Everything that happened to the shipment, oldest first, in one read: planned, label, dispatched, each carrier scan (delivery exceptions and the proof of delivery named, late scans marked), returns opened and received, cancellation, and each write into Odoo done.")
    public Uni<List<TimelineService.Entry>> timeline(@PathParam("id") UUID id) {
        return timelines.timeline(id, callers.current().requireScope(SHIPMENTS_READ).tenant().orElse(null));
    }
}

package io.portage.yard.rest;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.kit.security.Callers;
import io.portage.yard.service.AppointmentChanges;
import io.smallrye.mutiny.Uni;

/** Operators' decisions on requested appointments at {@code /ops/yard/appointments/{id}} (realm role ops). */
@Path("/ops/yard/appointments/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentReviewResource {

    private final AppointmentChanges changes;
    private final Callers callers;

    public AppointmentReviewResource(AppointmentChanges changes, Callers callers) {
        this.changes = changes;
        this.callers = callers;
    }

    @POST
    @Path("/schedule")
    @Operation(summary = "Schedule a requested appointment", description = "After its purchase-order check failed and a person decided to take the truck; publishes AppointmentBooked.")
    @APIResponse(responseCode = "200", description = "The appointment, scheduled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "404", description = "No such appointment")
    @APIResponse(responseCode = "409", description = "The appointment is not requested")
    public Uni<AppointmentView> schedule(@PathParam("id") UUID id) {
        callers.current().requireOperator();
        return changes.schedule(id).map(booked -> AppointmentView.of(booked.appointment()));
    }
}

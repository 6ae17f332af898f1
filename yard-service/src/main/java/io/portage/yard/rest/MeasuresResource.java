package io.portage.yard.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.portage.kit.security.Callers;
import io.portage.yard.service.YardMeasures;
import io.smallrye.mutiny.Uni;

/** A site's adherence and waiting on a day at {@code /ops/yard/sites/{site}/measures} (operators). */
@Path("/ops/yard/sites/{site}/measures")
@Produces(MediaType.APPLICATION_JSON)
public class MeasuresResource {

    private final YardMeasures measures;
    private final Callers callers;

    public MeasuresResource(YardMeasures measures, Callers callers) {
        this.measures = measures;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "Appointment adherence and wait on a day (UTC)", description = "On time (arrived by the slot's start), late, no-show, cancelled, still expected; the wait from arrival to loading or unloading (average and longest minutes); the receipts validated in Odoo that day and their lag from the last line counted at the dock to Odoo, review included (average and longest minutes).")
    public Uni<YardMeasures.Measures> onDay(@PathParam("site") @Pattern(regexp = "[A-Z0-9-]{1,32}") String site,
            @QueryParam("date") @NotNull LocalDate date) {
        callers.current().requireOperator();
        return measures.onDay(site, date);
    }
}

package io.portage.shipment.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.portage.shipment.service.TrackingIntake;
import io.smallrye.mutiny.Uni;

/** Operators' tracking controls at {@code /ops/tracking} (realm role {@code ops}): poll every open tracker now. */
@Path("/ops/tracking")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingOpsResource {

    private final TrackingIntake intake;

    public TrackingOpsResource(TrackingIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("/poll")
    @Operation(summary = "Poll open trackers now", description = "Asks each carrier for the scans of every open tracker (at most 500), as the scheduled poll does; answers what they did and which carriers failed.")
    public Uni<TrackingIntake.Polled> poll() {
        return intake.poll(java.time.Duration.ZERO, 500);
    }
}

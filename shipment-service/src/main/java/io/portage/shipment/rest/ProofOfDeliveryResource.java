package io.portage.shipment.rest;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Callers;
import io.portage.shipment.domain.tracking.ProofDocument;
import io.portage.shipment.service.ProofNotFoundException;
import io.portage.shipment.service.ShipmentService;
import io.portage.shipment.service.TrackingService;
import io.smallrye.mutiny.Uni;

/** A shipment's proof-of-delivery images at {@code /api/v1/shipments/{id}/proof-of-delivery/{kind}}, as the carrier sent them. */
@Path("/api/v1/shipments/{id}/proof-of-delivery/{kind}")
public class ProofOfDeliveryResource {

    private static final String SHIPMENTS_READ = "shipments:read";

    private final ShipmentService shipments;
    private final TrackingService tracking;
    private final Callers callers;

    public ProofOfDeliveryResource(ShipmentService shipments, TrackingService tracking, Callers callers) {
        this.shipments = shipments;
        this.tracking = tracking;
        this.callers = callers;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_READ)
    @GET
    @Produces({"image/png", "image/jpeg", "image/gif", "application/pdf", "application/problem+json"})
    @Operation(summary = "Read a proof-of-delivery image", description = "The delivery photo (`delivery-photo`) or the signature (`signature`) the carrier sent with the delivery, as it sent it (PNG, JPEG, GIF or PDF; its type read from the image itself). The address is the `documentUri` of the shipment's proof-of-delivery-received event.")
    @APIResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours), or no image of that kind")
    public Uni<Response> read(@PathParam("id") UUID id, @PathParam("kind") String kind) {
        ProofDocument.Kind wanted = ProofDocument.Kind.ofSlug(kind);
        if (wanted == null) {
            throw ProblemException.invalid("kind", "is delivery-photo or signature");
        }
        String partner = callers.current().requireScope(SHIPMENTS_READ).tenant().orElse(null);
        return shipments.find(id, partner)
                .chain(() -> tracking.proof(id, wanted))
                .map(found -> found.orElseThrow(() -> new ProofNotFoundException(id, kind)))
                .map(document -> Response.ok(document.content(), document.contentType())
                        .header("Cache-Control", "private, max-age=3600")
                        .header("X-Content-Type-Options", "nosniff")
                        .build());
    }
}

package io.portage.shipment.rest;

import java.time.Instant;
import java.time.LocalDate;
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
import io.portage.shipment.domain.tracking.ProofDocument;
import io.portage.shipment.domain.tracking.TrackingHistoryEntry;
import io.portage.shipment.service.ShipmentService;
import io.portage.shipment.service.TrackingService;
import io.smallrye.mutiny.Uni;

/** A shipment's tracking at {@code /api/v1/shipments/{id}/tracking}: each tracker's status and every scan, late ones too. */
@Path("/api/v1/shipments/{id}/tracking")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {

    private static final String SHIPMENTS_READ = "shipments:read";

    private final ShipmentService shipments;
    private final TrackingService tracking;
    private final Callers callers;

    public TrackingResource(ShipmentService shipments, TrackingService tracking, Callers callers) {
        this.shipments = shipments;
        this.tracking = tracking;
        this.callers = callers;
    }

    /**
     * One tracker: carrier, number, ship date, canonical status, its scans oldest first, and the proof-of-delivery
     * images its carrier sent.
     */
    public record TrackerView(String carrier, String trackingNumber, LocalDate shipDate, String status,
            Instant lastEventAt, Instant lastPolledAt, List<ScanView> scans, List<DocumentView> proofOfDelivery) {
    }

    /** A proof-of-delivery image: its kind ({@code delivery-photo}, {@code signature}), type, size and address. */
    public record DocumentView(String kind, String contentType, int size, Instant receivedAt, String uri) {
    }

    /** One scan: the carrier's raw code and message, the canonical status, whether it moved the tracker, its source. */
    public record ScanView(String rawCode, String rawMessage, Instant occurredAt, String city, String country,
            String status, boolean applied, String source, Instant receivedAt) {

        static ScanView of(TrackingHistoryEntry row) {
            return new ScanView(row.rawCode(), row.rawMessage(), row.occurredAt(), row.city(), row.country(), row.status(),
                    row.applied(), row.source(), row.receivedAt());
        }
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_READ)
    @GET
    @Operation(summary = "Read a shipment's tracking", description = "Each tracker (carrier, tracking number, ship date) with its canonical status and every scan the carrier reported, with its raw code and message; late scans are kept but did not move the status; and the proof-of-delivery images the carrier sent, with their addresses.")
    public Uni<List<TrackerView>> tracking(@PathParam("id") UUID id) {
        String partner = callers.current().requireScope(SHIPMENTS_READ).tenant().orElse(null);
        return shipments.find(id, partner)
                .chain(() -> tracking.history(id))
                .chain(found -> tracking.proofs(id)
                        .map(described -> found.stream()
                                .map(h -> new TrackerView(h.tracker().carrier(), h.tracker().trackingNumber(),
                                        h.tracker().shipDate(), h.tracker().status().name(), h.tracker().lastEventAt(),
                                        h.tracker().lastPolledAt(), h.scans().stream().map(ScanView::of).toList(),
                                        described.stream()
                                                .filter(d -> d.trackingNumber().equals(h.tracker().trackingNumber()))
                                                .map(d -> new DocumentView(d.kind().slug(), d.contentType(), d.size(),
                                                        d.receivedAt(), ProofDocument.uri(id, d.kind())))
                                                .toList()))
                                .toList()));
    }
}

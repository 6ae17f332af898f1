package io.portage.shipment.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.shipment.domain.OdooHandOver;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentReturn;
import io.portage.shipment.domain.tracking.TrackingHistoryEntry;
import io.portage.shipment.repository.HandOverRepository;
import io.portage.shipment.repository.ReturnRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One shipment's history in one read, oldest first: planned, label, dispatched, every carrier scan (exceptions and the
 * proof of delivery named as such, late scans marked), returns opened and received, cancellation, and what was
 * written into Odoo.
 */
@ApplicationScoped
public class TimelineService {

    private final ShipmentService shipments;
    private final TrackingService tracking;
    private final ReturnRepository returns;
    private final HandOverRepository handOvers;

    public TimelineService(ShipmentService shipments, TrackingService tracking, ReturnRepository returns,
            HandOverRepository handOvers) {
        this.shipments = shipments;
        this.tracking = tracking;
        this.returns = returns;
        this.handOvers = handOvers;
    }

    /** One moment of the timeline: when, what ({@link Kind}), a sentence, and the scan's raw code when it is one. */
    @Schema(name = "TimelineEntry")
    public record Entry(Instant at, Kind kind, String summary, String carrierCode, String place) {
    }

    /** What happened. */
    public enum Kind {
        CREATED, LABEL, DISPATCHED, SCAN, LATE_SCAN, DELIVERY_EXCEPTION, PROOF_OF_DELIVERY, RETURN_INITIATED, RETURN_RECEIVED, CANCELLED, ODOO
    }

    /** The shipment's timeline; {@link ShipmentNotFoundException} when unknown or another partner's. */
    @WithSpan("TimelineService.timeline")
    public Uni<List<Entry>> timeline(@SpanAttribute("portage.shipment_id") UUID id, String partnerId) {
        return shipments.find(id, partnerId)
                .chain(shipment -> tracking.history(id)
                        .chain(trackers -> Panache
                                .withSession(
                                        () -> returns.ofShipment(id).chain(opened -> handOvers.ofShipment(id).map(written -> {
                                            List<Entry> entries = new ArrayList<>(own(shipment));
                                            trackers.forEach(tracker -> tracker.scans()
                                                    .forEach(scan -> entries.add(scan(tracker.tracker()
                                                            .trackingNumber(), scan))));
                                            opened.forEach(r -> entries.addAll(returned(r)));
                                            written.stream()
                                                    .filter(h -> h.status() == OdooHandOver.Status.DONE)
                                                    .forEach(h -> entries
                                                            .add(new Entry(h.doneAt(), Kind.ODOO, "Odoo: " + h.kind() + " "
                                                                    + h.result(), null, null)));
                                            entries.sort(Comparator.comparing(Entry::at));
                                            return entries;
                                        })))));
    }

    private static List<Entry> own(Shipment shipment) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(shipment.plannedAt(), Kind.CREATED, "Planned for order " + shipment.orderId()
                + (shipment.splitSeq() > 0 ? " (the rest of an earlier shipment, part " + (shipment.splitSeq() + 1) + ")" : "")
                + ", " + shipment.lineCount() + " lines", null, null));
        shipment.label()
                .ifPresent(label -> entries.add(new Entry(shipment.labelledAt(), Kind.LABEL, "Label "
                        + label.trackingNumber() + " of " + label.carrier() + " " + label.service() + ", " + label.amount()
                        + " "
                        + label.currency(), null, null)));
        if (shipment.dispatchedAt() != null) {
            entries.add(new Entry(shipment.dispatchedAt(), Kind.DISPATCHED, "Left with its carrier", null, null));
        }
        if (shipment.cancelledAt() != null) {
            entries.add(new Entry(shipment.cancelledAt(), Kind.CANCELLED, "Cancelled: " + shipment.cancelReason(), null,
                    null));
        }
        return entries;
    }

    private static Entry scan(String trackingNumber, TrackingHistoryEntry scan) {
        Kind kind = !scan.applied()
                ? Kind.LATE_SCAN
                : switch (scan.status()) {
                    case "EXCEPTION" -> Kind.DELIVERY_EXCEPTION;
                    case "DELIVERED" -> Kind.PROOF_OF_DELIVERY;
                    default -> Kind.SCAN;
                };
        String place = scan.city() == null
                ? scan.country()
                : scan.city() + (scan.country() == null ? "" : ", " + scan.country());
        return new Entry(scan.occurredAt(), kind, trackingNumber + " " + scan.status() + ": " + scan.rawMessage(),
                scan.rawCode(), place);
    }

    private static List<Entry> returned(ShipmentReturn r) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(r.initiatedAt(), Kind.RETURN_INITIATED, "Return " + r.id() + " opened by " + r.initiatedBy()
                + " (" + r.reasonCode() + ")", null, null));
        if (r.receivedAt() != null) {
            entries.add(new Entry(r.receivedAt(), Kind.RETURN_RECEIVED, "Return " + r.id() + " received at " + r.site(),
                    null, r.site()));
        }
        return entries;
    }
}

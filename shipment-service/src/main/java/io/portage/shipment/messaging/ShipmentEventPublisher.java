package io.portage.shipment.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Money;
import io.portage.contracts.shipment.DeliveryExceptionReported;
import io.portage.contracts.shipment.LabelGenerated;
import io.portage.contracts.shipment.LabelGeneratedV2;
import io.portage.contracts.shipment.ProofOfDeliveryReceived;
import io.portage.contracts.shipment.ReturnInitiated;
import io.portage.contracts.shipment.ReturnLabelGenerated;
import io.portage.contracts.shipment.ReturnReceived;
import io.portage.contracts.shipment.ShipmentCancelled;
import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.contracts.shipment.ShipmentDispatched;
import io.portage.contracts.shipment.TrackingUpdated;
import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Outbox;
import io.portage.shipment.config.TrackingConfig;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentReturn;
import io.portage.shipment.domain.carrier.Label;
import io.portage.shipment.domain.carrier.TrackingScan;
import io.portage.shipment.domain.tracking.MappedScan;
import io.portage.shipment.domain.tracking.ProofDocument;
import io.portage.shipment.service.ShipmentEvents;
import io.smallrye.mutiny.Uni;

/**
 * Shipment events for {@code portage.shipments}, staged in the transactional outbox inside the caller's transaction;
 * the outbox relay publishes them as CloudEvents keyed by shipment id, numbered per shipment (ShipmentCreated is 1).
 */
@ApplicationScoped
public class ShipmentEventPublisher implements ShipmentEvents {

    static final URI SOURCE = URI.create("urn:portage:shipment-service");

    private final Outbox outbox;
    /** The API's public address, under which proof-of-delivery images are named; null: none named. */
    private final String documentsBaseUrl;

    public ShipmentEventPublisher(Outbox outbox, TrackingConfig tracking) {
        this.outbox = outbox;
        this.documentsBaseUrl = tracking.documentsBaseUrl().map(url -> url.toString().replaceAll("/+$", "")).orElse(null);
    }

    @Override
    public Uni<UUID> created(Shipment shipment) {
        return outbox.stage(EventCatalog.SHIPMENT_CREATED_V1,
                new ShipmentCreated(shipment.id().toString(), shipment.orderId().toString(), shipment.partnerId(),
                        shipment.warehouse(), shipment.shipTo().country(),
                        ShipmentCreated.ServiceLevel.valueOf(shipment.serviceLevel()), shipment.plannedAt()),
                envelope(shipment, shipment.plannedAt(), 1L));
    }

    @Override
    public Uni<UUID> labelGenerated(Shipment shipment) {
        Label label = shipment.label().orElseThrow();
        return outbox.stage(EventCatalog.LABEL_GENERATED_V2,
                new LabelGeneratedV2(shipment.id().toString(), label.carrier(), label.service(), label.trackingNumber(),
                        LabelGenerated.LabelFormat.valueOf(label.format()), label.parcelTrackingNumbers().size(),
                        new Money(minorUnits(label.amount()), label.currency()),
                        shipment.labelledAt()),
                envelope(shipment, shipment.labelledAt(), shipment.nextSequence()));
    }

    @Override
    public Uni<UUID> dispatched(Shipment shipment) {
        Label label = shipment.label().orElseThrow();
        return outbox.stage(EventCatalog.SHIPMENT_DISPATCHED_V1,
                new ShipmentDispatched(shipment.id().toString(), label.carrier(), label.trackingNumber(), null,
                        label.parcelTrackingNumbers().size(), shipment.dispatchedAt()),
                envelope(shipment, shipment.dispatchedAt(), shipment.nextSequence()));
    }

    @Override
    public Uni<Void> tracked(List<Tracked> scans) {
        List<Outbox.Staged> staged = new ArrayList<>(scans.size());
        for (Tracked tracked : scans) {
            staged.add(staged(tracked));
        }
        return outbox.stageAll(staged).replaceWithVoid();
    }

    /** A scan's fact by its status: a delivery exception, a proof of delivery, or any other move of its tracker. */
    private Outbox.Staged staged(Tracked tracked) {
        Shipment shipment = tracked.shipment();
        MappedScan scan = tracked.scan();
        TrackingScan raw = scan.scan();
        EventEnvelope envelope = envelope(shipment, raw.occurredAt(), tracked.sequence());
        return switch (scan.status()) {
            case EXCEPTION -> new Outbox.Staged(EventCatalog.DELIVERY_EXCEPTION_REPORTED_V1,
                    new DeliveryExceptionReported(shipment.id().toString(), tracked.trackingNumber(),
                            DeliveryExceptionReported.ExceptionType.valueOf(scan.meaning().detail()), raw.rawCode(),
                            raw.rawMessage(), raw.occurredAt()),
                    envelope);
            case DELIVERED -> {
                ProofOfDeliveryReceived.ProofType proofType = raw.signedBy() != null
                        ? ProofOfDeliveryReceived.ProofType.SIGNATURE
                        : ProofOfDeliveryReceived.ProofType.valueOf(scan.meaning().detail());
                yield new Outbox.Staged(EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1,
                        new ProofOfDeliveryReceived(shipment.id().toString(), tracked.trackingNumber(), proofType,
                                raw.signedBy(), documentUri(shipment, raw, proofType), raw.occurredAt(),
                                tracked.receivedAt()),
                        envelope);
            }
            default -> new Outbox.Staged(EventCatalog.TRACKING_UPDATED_V1,
                    new TrackingUpdated(shipment.id().toString(), tracked.trackingNumber(), raw.rawCode(),
                            raw.rawMessage(),
                            raw.city() != null && raw.country() != null && raw.country().matches("[A-Z]{2}")
                                    ? new TrackingUpdated.Location(raw.city(), raw.country())
                                    : null,
                            null, raw.occurredAt()),
                    envelope);
        };
    }

    @Override
    public Uni<UUID> returnInitiated(Shipment shipment, ShipmentReturn opened) {
        return outbox.stage(EventCatalog.RETURN_INITIATED_V1,
                new ReturnInitiated(shipment.id().toString(), opened.id().toString(),
                        ReturnInitiated.ReasonCode.valueOf(opened.reasonCode()),
                        opened.lines().stream().map(l -> new ReturnInitiated.Line(l.sku(), l.quantity())).toList(),
                        opened.initiatedAt()),
                envelope(shipment, opened.initiatedAt(), shipment.nextSequence()));
    }

    @Override
    public Uni<UUID> returnLabelGenerated(Shipment shipment, ShipmentReturn labelled, Label label) {
        Instant at = labelled.label().labelledAt();
        return outbox.stage(EventCatalog.RETURN_LABEL_GENERATED_V1,
                new ReturnLabelGenerated(shipment.id().toString(), labelled.id().toString(), label.carrier(),
                        label.service(), label.trackingNumber(), LabelGenerated.LabelFormat.valueOf(label.format()),
                        new Money(minorUnits(label.amount()), label.currency()), at),
                envelope(shipment, at, shipment.nextSequence()));
    }

    @Override
    public Uni<UUID> returnReceived(Shipment shipment, ShipmentReturn received) {
        return outbox.stage(EventCatalog.RETURN_RECEIVED_V1,
                new ReturnReceived(shipment.id().toString(), received.id().toString(), received.site(),
                        received.receivedLines()
                                .stream()
                                .map(l -> new ReturnReceived.Line(l.sku(), l.quantity(),
                                        ReturnReceived.Condition.valueOf(l.condition())))
                                .toList(),
                        received.receivedAt()),
                envelope(shipment, received.receivedAt(), shipment.nextSequence()));
    }

    @Override
    public Uni<UUID> cancelled(Shipment shipment) {
        return outbox.stage(EventCatalog.SHIPMENT_CANCELLED_V1,
                new ShipmentCancelled(shipment.id().toString(), shipment.orderId().toString(), shipment.cancelReason(),
                        shipment.cancelledAt()),
                envelope(shipment, shipment.cancelledAt(), shipment.nextSequence()));
    }

    /** The amount with at least cents and at most the contract's four decimals (what the carrier charged, not rounded). */
    private static BigDecimal minorUnits(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.scale() < 2
                ? plain.setScale(2)
                : plain.setScale(Math.min(plain.scale(), Money.MAX_SCALE), RoundingMode.HALF_UP);
    }

    /**
     * The address of the scan's image that shows the proof (the signature for a signed delivery, else the photo), or of
     * any image it brought, under the API's public address; null without one or without that address.
     */
    private String documentUri(Shipment shipment, TrackingScan scan,
            ProofOfDeliveryReceived.ProofType proofType) {
        ProofDocument.Kind wanted = proofType == ProofOfDeliveryReceived.ProofType.SIGNATURE
                ? ProofDocument.Kind.SIGNATURE
                : ProofDocument.Kind.DELIVERY_PHOTO;
        return scan.proof()
                .stream()
                .map(ProofDocument::kind)
                .sorted(Comparator.comparing(kind -> kind == wanted ? 0 : 1))
                .findFirst()
                .filter(kind -> documentsBaseUrl != null)
                .map(kind -> documentsBaseUrl + ProofDocument.uri(shipment.id(), kind))
                .orElse(null);
    }

    private static EventEnvelope envelope(Shipment shipment, Instant time, long sequence) {
        return new EventEnvelope(SOURCE, shipment.id().toString(), time, shipment.correlationId(), shipment.partnerId(),
                sequence);
    }
}

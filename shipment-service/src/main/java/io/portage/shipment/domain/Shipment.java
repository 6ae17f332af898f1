package io.portage.shipment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

import io.portage.shipment.domain.carrier.Label;
import io.portage.shipment.domain.carrier.Parcel;

/**
 * A shipment of a released order, in the {@code shipments} schema: the whole order, or (when an earlier shipment of it
 * left short) the rest, {@code splitSeq} 1, 2, ...
 */
@Entity
@DynamicUpdate
@Table(name = "shipment")
public class Shipment {

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "partner_id")
    private String partnerId;
    private String warehouse;
    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;
    @Column(name = "ship_to_name")
    private String shipToName;
    @Column(name = "ship_to_street")
    private String shipToStreet;
    @Column(name = "ship_to_city")
    private String shipToCity;
    @Column(name = "ship_to_postal_code")
    private String shipToPostalCode;
    @Column(name = "ship_to_country")
    private String shipToCountry;
    @Embedded
    private ShipmentContents contents;
    @Column(name = "fulfiller_type")
    private String fulfillerType;
    @Column(name = "fulfiller_id")
    private String fulfillerId;
    @Column(name = "service_level")
    private String serviceLevel;
    @Column(name = "ship_by")
    private Instant shipBy;
    @Column(name = "event_sequence")
    private long eventSequence;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    private String carrier;
    @Column(name = "carrier_service")
    private String carrierService;
    @Column(name = "tracking_number")
    private String trackingNumber;
    @Column(name = "label_amount")
    private BigDecimal labelAmount;
    @Column(name = "label_currency")
    private String labelCurrency;
    @Column(name = "label_carrier_ref")
    private String labelCarrierRef;
    @Column(name = "label_url")
    private String labelUrl;
    @Column(name = "label_format")
    private String labelFormat;
    private String parcels;
    @Column(name = "labelled_at")
    private Instant labelledAt;
    @Column(name = "dispatched_at")
    private Instant dispatchedAt;
    @Column(name = "source_event_id")
    private String sourceEventId;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "planned_at")
    private Instant plannedAt;
    @Column(name = "split_seq")
    private int splitSeq;
    @Embedded
    private OdooDelivery odoo;
    @Version
    private long version;

    protected Shipment() {
    }

    /**
     * Plans the shipment of an order released to its warehouse or 3PL; {@code sourceEventId} is the event that caused
     * it. Its first published event (ShipmentCreated) is sequence 1.
     */
    public static Shipment plan(UUID orderId, String partnerId, String warehouse, Fulfiller fulfiller, ShipTo shipTo,
            List<ShipmentLine> lines, Instant shipBy, String sourceEventId, String correlationId, OdooRef odooRef,
            Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = orderId;
        shipment.partnerId = partnerId;
        shipment.warehouse = warehouse;
        shipment.fulfillerType = fulfiller.type();
        shipment.fulfillerId = fulfiller.id();
        shipment.status = ShipmentStatus.PLANNED;
        shipment.shipToName = shipTo.name();
        shipment.shipToStreet = shipTo.street();
        shipment.shipToCity = shipTo.city();
        shipment.shipToPostalCode = shipTo.postalCode();
        shipment.shipToCountry = shipTo.country();
        shipment.contents = new ShipmentContents(lines);
        shipment.odoo = new OdooDelivery(odooRef.clientOrderRef(), odooRef.orderId(), odooRef.orderName());
        shipment.serviceLevel = "STANDARD";
        shipment.shipBy = shipBy;
        shipment.eventSequence = 1;
        shipment.sourceEventId = sourceEventId;
        shipment.correlationId = correlationId;
        shipment.plannedAt = now;
        return shipment;
    }

    /** The sale order in Odoo as the release named it: its client reference, and its id and name when given. */
    public record OdooRef(String clientOrderRef, Long orderId, String orderName) {
    }

    /**
     * The shipment of what {@code shipped} left behind of this one ({@code remaining}): same order, destination and
     * fulfiller, the next split, planned; in Odoo it ships the backorder of this shipment's picking.
     */
    public Shipment remainder(List<ShipmentLine> remaining, Instant now) {
        Shipment rest = plan(orderId, partnerId, warehouse, fulfiller(), shipTo(), remaining, shipBy, sourceEventId,
                correlationId, new OdooRef(odoo().clientOrderRef(), odoo().orderId(), odoo().orderName()), now);
        rest.serviceLevel = serviceLevel;
        rest.splitSeq = splitSeq + 1;
        return rest;
    }

    /** What a cancellation of the order did to its shipment. */
    public enum Cancellation {
        CANCELLED, ALREADY_CANCELLED, ALREADY_DISPATCHED
    }

    /** Cancels the shipment with its order, unless it left already (then nothing changes here). */
    public Cancellation cancel(String reason, Instant now) {
        if (status == ShipmentStatus.CANCELLED) {
            return Cancellation.ALREADY_CANCELLED;
        }
        if (!status.beforeDispatch()) {
            return Cancellation.ALREADY_DISPATCHED;
        }
        status = ShipmentStatus.CANCELLED;
        cancelledAt = now;
        cancelReason = reason;
        return Cancellation.CANCELLED;
    }

    /** Records the label bought for its parcels (in the carrier's order of tracking numbers); only a planned shipment takes one. */
    public void labelled(Label label, List<Parcel> measured, Instant now) {
        if (status != ShipmentStatus.PLANNED) {
            throw new ShipmentStateException(id, status, "take a label");
        }
        List<Parcels.Labelled> labelled = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            labelled.add(new Parcels.Labelled(measured.get(i), label.parcelTrackingNumbers().get(i)));
        }
        status = ShipmentStatus.LABELLED;
        carrier = label.carrier();
        carrierService = label.service();
        trackingNumber = label.trackingNumber();
        labelAmount = label.amount();
        labelCurrency = label.currency();
        labelCarrierRef = label.carrierRef();
        labelUrl = label.labelUrl();
        labelFormat = label.format();
        parcels = Parcels.write(labelled);
        labelledAt = now;
    }

    /** The label bought, if any. */
    public Optional<Label> label() {
        if (carrier == null) {
            return Optional.empty();
        }
        return Optional.of(new Label(carrier, carrierService, trackingNumber,
                parcels().stream().map(Parcels.Labelled::trackingNumber).toList(), labelAmount, labelCurrency,
                labelCarrierRef, labelUrl, labelFormat));
    }

    /** Forgets a label its carrier voided: the shipment is planned again (or stays cancelled). */
    public void labelVoided() {
        if (status == ShipmentStatus.DISPATCHED || carrier == null) {
            throw new ShipmentStateException(id, status, "void a label");
        }
        if (status == ShipmentStatus.LABELLED) {
            status = ShipmentStatus.PLANNED;
        }
        carrier = null;
        carrierService = null;
        trackingNumber = null;
        labelAmount = null;
        labelCurrency = null;
        labelCarrierRef = null;
        labelUrl = null;
        labelFormat = null;
        parcels = null;
        labelledAt = null;
    }

    /**
     * The labelled shipment left with its carrier, with {@code shipped} (all its lines when null or empty); answers what
     * stays behind for a later shipment (empty when it all left).
     *
     * @throws DispatchRefusedException when a SKU is not in the shipment, more than it holds, or nothing at all
     */
    public List<ShipmentLine> dispatch(List<ShipmentLine> shipped, Instant now) {
        if (status != ShipmentStatus.LABELLED) {
            throw new ShipmentStateException(id, status, "dispatch");
        }
        DispatchSplit split = DispatchSplit.of(id, contents.lines(), shipped);
        contents.shipped(split.sent());
        status = ShipmentStatus.DISPATCHED;
        dispatchedAt = now;
        return split.remaining();
    }

    public ShipmentContents contents() {
        return contents;
    }

    /** 0 for an order's first shipment, then 1, 2, ... for the shipments of what earlier ones left behind. */
    public int splitSeq() {
        return splitSeq;
    }

    /** Its sale order and delivery picking in Odoo, as far as known. */
    public OdooDelivery odoo() {
        if (odoo == null) {
            odoo = new OdooDelivery(null, null, null);
        }
        return odoo;
    }

    public List<Parcels.Labelled> parcels() {
        return Parcels.read(parcels);
    }

    public Instant labelledAt() {
        return labelledAt;
    }

    public Instant dispatchedAt() {
        return dispatchedAt;
    }

    /** The sequence of the next event published about this shipment (1 was ShipmentCreated). */
    public long nextSequence() {
        return ++eventSequence;
    }

    /** The sequence of the last event published about this shipment. */
    public long eventSequence() {
        return eventSequence;
    }

    /** The version this shipment was read at (optimistic locking). */
    public long version() {
        return version;
    }

    /** Who picks and ships it: the warehouse's own WMS or a 3PL, and its id. */
    public record Fulfiller(String type, String id) {
    }

    /** Where the shipment goes. */
    public record ShipTo(String name, String street, String city, String postalCode, String country) {
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String warehouse() {
        return warehouse;
    }

    public ShipmentStatus status() {
        return status;
    }

    public ShipTo shipTo() {
        return new ShipTo(shipToName, shipToStreet, shipToCity, shipToPostalCode, shipToCountry);
    }

    public Fulfiller fulfiller() {
        return new Fulfiller(fulfillerType, fulfillerId);
    }

    public String serviceLevel() {
        return serviceLevel;
    }

    public Instant shipBy() {
        return shipBy;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public int lineCount() {
        return contents.lineCount();
    }

    public BigDecimal totalQuantity() {
        return contents.totalQuantity();
    }

    public String sourceEventId() {
        return sourceEventId;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant plannedAt() {
        return plannedAt;
    }
}

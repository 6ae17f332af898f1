package io.portage.finance.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.shipment.LabelGeneratedV2;
import io.portage.contracts.shipment.ReturnLabelGenerated;
import io.portage.contracts.yard.DetentionChargedV2;
import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.repository.CarrierChargeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records the carrier charges Portage confirmed (a label's cost from LabelGenerated v2, a return label's from
 * ReturnLabelGenerated v1, detention from DetentionCharged v2), in the consumer's transaction, with the event and correlation ids that reported them: what carrier invoice lines
 * are matched against.
 */
@ApplicationScoped
public class CarrierChargeLedger {

    /** The consumer of {@code portage.shipments}, for the inbox, dead letters and metrics. */
    public static final String CONSUMER = "finance-service.shipments";

    private final CarrierChargeRepository charges;

    public CarrierChargeLedger(CarrierChargeRepository charges) {
        this.charges = charges;
    }

    /** A label bought, as one event reported it. */
    public record LabelBought(String eventId, String correlationId, LabelGeneratedV2 label) {
    }

    /** A return label bought, as one event reported it. */
    public record ReturnLabelBought(String eventId, String correlationId, ReturnLabelGenerated label) {

        String key() {
            return label.carrier() + "|" + label.trackingNumber();
        }
    }

    /** Detention charged, as one event reported it; {@code evidenceJson} is the event's data. */
    public record DetentionCharged(String eventId, String correlationId, DetentionChargedV2 detention,
            String evidenceJson) {

        String key() {
            return detention.carrier() + "|" + detention.appointmentId();
        }
    }

    /**
     * Records detention charges (in the caller's transaction), one per carrier and appointment: one recorded before,
     * or earlier in the list, is not recorded again. Answers how many were recorded.
     */
    public Uni<Integer> recordDetentions(List<DetentionCharged> charged) {
        if (charged.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<String, DetentionCharged> once = new LinkedHashMap<>();
        charged.forEach(item -> once.putIfAbsent(item.key(), item));
        return charges.detentionsOf(charged.stream().map(item -> item.detention().appointmentId()).toList()).chain(known -> {
            known.forEach(charge -> once.remove(charge.carrier() + "|" + charge.trackingNumber()));
            List<CarrierCharge> rows = once.values()
                    .stream()
                    .map(item -> CarrierCharge.detention(item.detention().carrier(), item.detention().appointmentId(),
                            item.detention().visitId(), item.detention().amount().amount(),
                            item.detention().amount().currency(), item.eventId(), item.correlationId(),
                            item.detention().chargedAt(), item.evidenceJson()))
                    .toList();
            return persist(rows);
        });
    }

    /**
     * Records return labels (in the caller's transaction), one per carrier and tracking number: one recorded before, or
     * earlier in the list, is not recorded again. Answers how many were recorded.
     */
    public Uni<Integer> recordReturnLabels(List<ReturnLabelBought> bought) {
        if (bought.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<String, ReturnLabelBought> once = new LinkedHashMap<>();
        bought.forEach(item -> once.putIfAbsent(item.key(), item));
        return charges.ofKind(CarrierCharge.Kind.RETURN_LABEL, bought.stream()
                .map(item -> item.label().trackingNumber())
                .toList()).chain(known -> {
                    known.forEach(charge -> once.remove(charge.carrier() + "|" + charge.trackingNumber()));
                    List<CarrierCharge> rows = once.values()
                            .stream()
                            .map(item -> CarrierCharge.returnLabel(item.label().carrier(), item.label().trackingNumber(),
                                    item.label().shipmentId(), item.label().returnId(), item.label().cost().amount(),
                                    item.label().cost().currency(), item.eventId(), item.correlationId(),
                                    item.label().generatedAt()))
                            .toList();
                    return persist(rows);
                });
    }

    /** A carrier's confirmed charges (of one tracking number when given), with the events that reported them. */
    public Uni<List<CarrierCharge>> of(String carrier, String trackingNumber, int limit) {
        return Panache.withSession(() -> charges.ofCarrier(carrier, trackingNumber, limit));
    }

    /** Records the labels (in the caller's transaction); answers how many. */
    public Uni<Integer> record(List<LabelBought> labels) {
        if (labels.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<CarrierCharge> rows = labels.stream()
                .map(bought -> new CarrierCharge(bought.label().carrier(), bought.label().trackingNumber(),
                        bought.label().shipmentId(), CarrierCharge.Kind.LABEL, bought.label().cost().amount(),
                        bought.label().cost().currency(), bought.eventId(), bought.correlationId(),
                        bought.label().generatedAt()))
                .toList();
        return persist(rows);
    }

    /** Persists the rows; none (all known already) is no call, since Panache's persist of an empty list fails. */
    private Uni<Integer> persist(List<CarrierCharge> rows) {
        return rows.isEmpty() ? Uni.createFrom().item(0) : charges.persist(rows).replaceWith(rows.size());
    }
}

package io.portage.finance.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.shipment.LabelGeneratedV2;
import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.repository.CarrierChargeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records the carrier charges shipment-service confirmed (a label's cost from LabelGenerated v2), in the consumer's
 * transaction, with the event and correlation ids that reported them: what carrier invoice lines are matched against.
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
        return charges.persist(rows).replaceWith(rows.size());
    }
}

package io.portage.shipment.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.kit.ops.ExceptionItem;
import io.portage.kit.ops.ExceptionRetrier;
import io.portage.shipment.client.CarrierRegistry;
import io.portage.shipment.domain.carrier.CarrierException;
import io.portage.shipment.repository.ShipmentRepository;
import io.smallrye.mutiny.Uni;

/** Retrying a {@value ShipmentPlanner#LABEL_TO_VOID} item voids the cancelled shipment's label with its carrier. */
@ApplicationScoped
public class LabelVoidRetrier implements ExceptionRetrier {

    private final ShipmentRepository shipments;
    private final CarrierRegistry carriers;

    public LabelVoidRetrier(ShipmentRepository shipments, CarrierRegistry carriers) {
        this.shipments = shipments;
        this.carriers = carriers;
    }

    @Override
    public String type() {
        return ShipmentPlanner.LABEL_TO_VOID;
    }

    @Override
    public Uni<Void> retry(ExceptionItem item) {
        return shipments.findById(UUID.fromString(item.businessKey())).chain(shipment -> {
            if (shipment == null || shipment.label().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            var label = shipment.label().get();
            return carriers.find(label.carrier())
                    .orElseThrow(() -> new IllegalStateException("Carrier " + label.carrier() + " is not configured"))
                    .voidLabel(label)
                    .onFailure(CarrierException.class)
                    .transform(e -> new CarrierFailedException("void the label", (CarrierException) e))
                    .invoke(() -> shipment.labelVoided());
        }).replaceWithVoid();
    }
}

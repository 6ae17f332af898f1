package io.portage.shipment.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.shipment.client.CarrierRegistry;
import io.portage.shipment.domain.ReturnRefusedException;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentReturn;
import io.portage.shipment.domain.carrier.Carrier;
import io.portage.shipment.domain.carrier.CarrierException;
import io.portage.shipment.domain.carrier.Label;
import io.portage.shipment.domain.carrier.Parcel;
import io.portage.shipment.domain.carrier.Rate;
import io.portage.shipment.domain.carrier.RateRequest;
import io.portage.shipment.domain.carrier.ServiceLevel;
import io.portage.shipment.repository.ReturnRepository;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Buys a return's label: from the shipment's own carrier when it sells return labels, else from the other carriers
 * that do, each one's cheapest rate, moving on when one refuses or times out. No database transaction is held while a
 * carrier is called; a label bought for a return that meanwhile got one (or its goods) is voided again, and only the
 * label kept is published ({@code io.portage.shipment.return-label-generated.v1}).
 */
@ApplicationScoped
public class ReturnLabelService {

    private final ShipmentService shipments;
    private final ReturnRepository returns;
    private final CarrierRegistry carriers;
    private final ShipmentRepository shipmentRepository;
    private final ShipmentEvents events;
    private final Clock clock = Clock.systemUTC();

    public ReturnLabelService(ShipmentService shipments, ReturnRepository returns, CarrierRegistry carriers,
            ShipmentRepository shipmentRepository, ShipmentEvents events) {
        this.shipments = shipments;
        this.returns = returns;
        this.carriers = carriers;
        this.shipmentRepository = shipmentRepository;
        this.events = events;
    }

    @WithSpan("ReturnLabelService.buy")
    public Uni<ShipmentReturn> buy(@SpanAttribute("portage.shipment_id") UUID id, String partnerId, UUID returnId,
            List<Parcel> parcels, ServiceLevel level) {
        return shipments.find(id, partnerId)
                .chain(shipment -> Panache.withSession(() -> returns.findById(returnId))
                        .chain(found -> {
                            if (found == null || !found.shipmentId().equals(id)) {
                                return Uni.createFrom().<ShipmentReturn>failure(new ReturnNotFoundException(returnId));
                            }
                            if (found.label() != null || found.receivedAt() != null) {
                                return Uni.createFrom()
                                        .<ShipmentReturn>failure(new ReturnRefusedException("returnId", "return "
                                                + returnId
                                                + (found.receivedAt() != null
                                                        ? " was received already"
                                                        : " has its label already")));
                            }
                            RateRequest request = LabelService.request(shipment, parcels, level).asReturn();
                            List<CarrierError> tried = new ArrayList<>();
                            return buyFirst(request, candidates(shipment), 0, tried).chain(label -> record(returnId, label));
                        }));
    }

    /** The shipment's carrier first, then every other carrier that sells return labels. */
    private List<Carrier> candidates(Shipment shipment) {
        String own = shipment.label().map(Label::carrier).orElse(null);
        return carriers.all()
                .stream()
                .filter(Carrier::sellsReturnLabels)
                .sorted(Comparator.comparing(carrier -> carrier.code().equals(own) ? 0 : 1))
                .toList();
    }

    private Uni<Label> buyFirst(RateRequest request, List<Carrier> candidates, int next, List<CarrierError> tried) {
        if (next == candidates.size()) {
            return Uni.createFrom()
                    .failure(new NoCarrierException(request.shipmentId(), "sold a return label",
                            List.copyOf(tried)));
        }
        Carrier carrier = candidates.get(next);
        return carrier.rates(request)
                .chain(rates -> {
                    Rate cheapest = rates.stream().min(Comparator.comparing(Rate::amount)).orElse(null);
                    if (cheapest == null) {
                        return Uni.createFrom()
                                .failure(new CarrierException(carrier.code(), CarrierException.Kind.REFUSED,
                                        "no-rate", "no return rate for these parcels"));
                    }
                    return carrier.buy(request, cheapest);
                })
                .onFailure(CarrierException.class)
                .recoverWithUni(failure -> {
                    CarrierException refused = (CarrierException) failure;
                    Log.infof("Carrier %s sold no return label for shipment %s (%s %s): trying the next", carrier.code(),
                            request.shipmentId(), refused.kind(), refused.carrierCode());
                    tried.add(CarrierError.of(refused));
                    return buyFirst(request, candidates, next + 1, tried);
                });
    }

    /**
     * Stores the label and stages its ReturnLabelGenerated in one transaction, so a label is published exactly when it
     * is kept; one refused there (another request labelled the return, or its goods arrived) is voided again. A
     * concurrent change of the return or the shipment (its event sequence) makes the transaction run again, where it
     * finds what the other one did.
     */
    private Uni<ShipmentReturn> record(UUID returnId, Label label) {
        return Panache.withTransaction(() -> returns.findById(returnId)
                .chain(found -> {
                    found.labelled(new ShipmentReturn.ReturnLabel(label.carrier(), label.trackingNumber(),
                            label.labelUrl(), label.amount(), label.currency(), clock.instant()));
                    return shipmentRepository.findById(found.shipmentId())
                            .chain(shipment -> events.returnLabelGenerated(shipment, found, label))
                            .replaceWith(found);
                }))
                .onFailure(ReturnLabelService::isStale)
                .retry()
                .atMost(3)
                .onFailure(ReturnRefusedException.class)
                .call(() -> carriers.find(label.carrier())
                        .map(carrier -> carrier.voidLabel(label))
                        .orElse(Uni.createFrom().voidItem())
                        .onFailure()
                        .invoke(e -> Log.warnf("Return label %s of %s not voided: %s", label.trackingNumber(),
                                label.carrier(), e.getMessage()))
                        .onFailure()
                        .recoverWithNull());
    }

    private static boolean isStale(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}

package io.portage.shipment.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.shipment.domain.DispatchRefusedException;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentLine;
import io.portage.shipment.domain.ShipmentStateException;
import io.portage.shipment.domain.ShipmentStatus;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies 3PLs' shipping advices: the order's labelled shipment dispatched as {@code POST .../dispatch} does (with the
 * lines the advice names), once; an advice already applied (its tracking number on a dispatched shipment) changes
 * nothing, and one that finds no labelled shipment, or whose lines the shipment refuses, opens
 * {@value #UNMATCHED} (owner {@code ops}, key order id) instead.
 */
@ApplicationScoped
public class ShipConfirmations {

    /** The exception-queue type of a shipping advice that could not dispatch its order's shipment. */
    public static final String UNMATCHED = "shipment.ship-confirmed-unmatched";

    /** What applying a batch of advices did. */
    public record Outcome(int dispatched, int already, int unmatched) {

        Outcome plus(Outcome other) {
            return new Outcome(dispatched + other.dispatched, already + other.already, unmatched + other.unmatched);
        }
    }

    private final ShipmentRepository shipments;
    private final LabelService labels;
    private final ExceptionQueue exceptions;
    private final ObjectMapper json;

    public ShipConfirmations(ShipmentRepository shipments, LabelService labels, ExceptionQueue exceptions,
            ObjectMapper json) {
        this.shipments = shipments;
        this.labels = labels;
        this.exceptions = exceptions;
        this.json = json;
    }

    /** Applies the advices one after the other, in the caller's transaction. */
    @WithSpan("ShipConfirmations.apply")
    public Uni<Outcome> apply(List<ShipConfirmation> advices) {
        return Multi.createFrom()
                .iterable(advices)
                .onItem()
                .transformToUniAndConcatenate(this::applyOne)
                .collect()
                .with(java.util.stream.Collectors.reducing(new Outcome(0, 0, 0), Outcome::plus));
    }

    private Uni<Outcome> applyOne(ShipConfirmation advice) {
        return shipments.findByOrderId(advice.orderId()).chain(found -> {
            if (found.stream().anyMatch(s -> s.status() == ShipmentStatus.DISPATCHED && carries(s, advice))) {
                return Uni.createFrom().item(new Outcome(0, 1, 0));
            }
            Shipment labelled = found.stream()
                    .filter(s -> s.status() == ShipmentStatus.LABELLED)
                    .filter(s -> carries(s, advice))
                    .findFirst()
                    .orElseGet(
                            () -> found.stream().filter(s -> s.status() == ShipmentStatus.LABELLED).findFirst().orElse(null));
            if (labelled == null) {
                return unmatched(advice, found.isEmpty()
                        ? "no shipment of the order"
                        : "no labelled shipment of the order (" + found.size() + " in "
                                + found.stream().map(s -> s.status().name()).distinct().toList() + ")");
            }
            List<ShipmentLine> shipped = advice.shipped().stream().filter(line -> line.quantity().signum() > 0).toList();
            if (shipped.isEmpty() && !advice.shipped().isEmpty()) {
                return unmatched(advice, "its lines ship nothing");
            }
            return labels.dispatch(labelled.id(), null, shipped)
                    .replaceWith(new Outcome(1, 0, 0))
                    .onFailure(e -> e instanceof DispatchRefusedException || e instanceof ShipmentStateException)
                    .recoverWithUni(e -> unmatched(advice, "shipment " + labelled.id() + " refused it: " + e.getMessage()));
        });
    }

    private static boolean carries(Shipment shipment, ShipConfirmation advice) {
        return advice.trackingNumber() != null && shipment.label()
                .map(label -> advice.trackingNumber().equals(label.trackingNumber())
                        || label.parcelTrackingNumbers().contains(advice.trackingNumber()))
                .orElse(false);
    }

    private Uni<Outcome> unmatched(ShipConfirmation advice, String why) {
        Log.infof("Shipping advice %s of order %s not applied: %s", advice.eventId(), advice.orderId(), why);
        String payload = json.createObjectNode()
                .put("orderId", advice.orderId().toString())
                .put("eventId", advice.eventId())
                .put("carrier", advice.carrier())
                .put("trackingNumber", advice.trackingNumber())
                .toString();
        return exceptions.raise(UNMATCHED, "ops", advice.orderId().toString(), "A 3PL confirmed order "
                + advice.orderId() + " shipped (" + advice.carrier() + " " + advice.trackingNumber() + ") but " + why,
                payload)
                .replaceWith(new Outcome(0, 0, 1));
    }
}

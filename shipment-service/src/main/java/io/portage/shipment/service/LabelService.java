package io.portage.shipment.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.shipment.client.CarrierRegistry;
import io.portage.shipment.config.CarrierConfig;
import io.portage.shipment.domain.OdooHandOver;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentLine;
import io.portage.shipment.domain.ShipmentStateException;
import io.portage.shipment.domain.ShipmentStatus;
import io.portage.shipment.domain.carrier.Carrier;
import io.portage.shipment.domain.carrier.CarrierException;
import io.portage.shipment.domain.carrier.Label;
import io.portage.shipment.domain.carrier.Parcel;
import io.portage.shipment.domain.carrier.Rate;
import io.portage.shipment.domain.carrier.RateRequest;
import io.portage.shipment.domain.carrier.RateShop;
import io.portage.shipment.domain.carrier.ServiceLevel;
import io.portage.shipment.repository.HandOverRepository;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Rates a shipment's parcels across the configured carriers and buys its label, falling back to the next carrier
 * when one times out or refuses; voids a label; dispatches a labelled shipment and starts tracking it. No database transaction is held
 * while a carrier is called.
 */
@ApplicationScoped
public class LabelService {

    private final ShipmentService shipments;
    private final ShipmentRepository repository;
    private final CarrierRegistry carriers;
    private final ShipmentEvents events;
    private final TrackingService tracking;
    private final HandOverRepository handOvers;
    private final Clock clock = Clock.systemUTC();

    public LabelService(ShipmentService shipments, ShipmentRepository repository, CarrierRegistry carriers,
            ShipmentEvents events, TrackingService tracking, HandOverRepository handOvers) {
        this.handOvers = handOvers;
        this.tracking = tracking;
        this.shipments = shipments;
        this.repository = repository;
        this.carriers = carriers;
        this.events = events;
    }

    /** The rates of every carrier whose rules take the parcels, ranked, and what the others answered. */
    public record Quote(List<Rate> rates, List<CarrierError> carrierErrors) {
    }

    /** A label bought, and the carriers tried before the one that sold it. */
    public record Purchase(Shipment shipment, List<CarrierError> triedFirst) {
    }

    @WithSpan("LabelService.rates")
    public Uni<Quote> rates(@SpanAttribute("portage.shipment_id") UUID id, String partnerId, List<Parcel> parcels,
            ServiceLevel level) {
        return shipments.find(id, partnerId).chain(shipment -> quote(request(shipment, parcels, level)));
    }

    @WithSpan("LabelService.buy")
    public Uni<Purchase> buy(@SpanAttribute("portage.shipment_id") UUID id, String partnerId, List<Parcel> parcels,
            ServiceLevel level) {
        return shipments.find(id, partnerId).chain(shipment -> {
            if (shipment.status() != ShipmentStatus.PLANNED) {
                return Uni.createFrom().failure(new ShipmentStateException(id, shipment.status(), "take a label"));
            }
            RateRequest request = request(shipment, parcels, level);
            return quote(request).chain(quote -> {
                List<Rate> candidates = RateShop.bestPerCarrier(quote.rates());
                if (candidates.isEmpty()) {
                    return Uni.createFrom().failure(new NoCarrierException(id, "quoted", quote.carrierErrors()));
                }
                List<CarrierError> tried = new ArrayList<>(quote.carrierErrors());
                return buyFirst(request, candidates, 0, tried)
                        .chain(label -> record(id, label, parcels, tried));
            });
        });
    }

    /** Tries the candidates in order: a timeout or refusal moves on to the next carrier. */
    private Uni<Label> buyFirst(RateRequest request, List<Rate> candidates, int next, List<CarrierError> tried) {
        if (next == candidates.size()) {
            return Uni.createFrom().failure(new NoCarrierException(request.shipmentId(), "sold a label", tried));
        }
        Rate rate = candidates.get(next);
        return carrier(rate.carrier()).buy(request, rate).onFailure(CarrierException.class).recoverWithUni(failure -> {
            CarrierException refused = (CarrierException) failure;
            Log.infof("Carrier %s did not sell the label of shipment %s (%s %s): trying the next", rate.carrier(),
                    request.shipmentId(), refused.kind(), refused.carrierCode());
            tried.add(CarrierError.of(refused));
            return buyFirst(request, candidates, next + 1, tried);
        });
    }

    /** Stores the label; a shipment cancelled while the carrier was asked gets its label voided again. */
    private Uni<Purchase> record(UUID id, Label label, List<Parcel> parcels, List<CarrierError> tried) {
        return Panache.withTransaction(() -> repository.findById(id).chain(shipment -> {
            if (shipment.status() != ShipmentStatus.PLANNED) {
                return Uni.createFrom().<Purchase>failure(new ShipmentStateException(id, shipment.status(), "take a label"));
            }
            shipment.labelled(label, parcels, clock.instant());
            return events.labelGenerated(shipment)
                    .chain(() -> trackingToOdoo(shipment))
                    .replaceWith(new Purchase(shipment, List.copyOf(tried)));
        }))
                .onFailure(ShipmentStateException.class)
                .call(() -> carrier(label.carrier()).voidLabel(label)
                        .onFailure()
                        .invoke(e -> Log.warnf("Label %s of %s for cancelled shipment %s not voided: %s",
                                label.trackingNumber(),
                                label.carrier(), id, e.getMessage()))
                        .onFailure()
                        .recoverWithNull());
    }

    @WithSpan("LabelService.voidLabel")
    public Uni<Shipment> voidLabel(@SpanAttribute("portage.shipment_id") UUID id, String partnerId) {
        return shipments.find(id, partnerId).chain(shipment -> {
            Label label = shipment.label().orElse(null);
            if (label == null || shipment.status() == ShipmentStatus.DISPATCHED) {
                return Uni.createFrom().failure(new ShipmentStateException(id, shipment.status(), "void a label"));
            }
            return carrier(label.carrier()).voidLabel(label)
                    .onFailure(CarrierException.class)
                    .transform(e -> new CarrierFailedException("void the label", (CarrierException) e))
                    .chain(() -> Panache.withTransaction(() -> repository.findById(id).invoke(Shipment::labelVoided)));
        });
    }

    /**
     * The labelled shipment left with {@code shipped} (all of it when empty): published, tracked, its delivery queued
     * for validation in Odoo; what stays behind becomes the order's next shipment (planned, published), which ships
     * Odoo's backorder.
     */
    @WithSpan("LabelService.dispatch")
    public Uni<Shipment> dispatch(@SpanAttribute("portage.shipment_id") UUID id, String partnerId,
            List<ShipmentLine> shipped) {
        return shipments.find(id, partnerId)
                .chain(() -> Panache.withTransaction(() -> repository.findById(id)
                        .chain(shipment -> {
                            Instant now = clock.instant();
                            List<ShipmentLine> remaining = shipment.dispatch(shipped, now);
                            Label label = shipment.label().orElseThrow();
                            return events.dispatched(shipment)
                                    .chain(() -> tracking.start(id, label.carrier(), label.trackingNumber(),
                                            LocalDate.ofInstant(now, ZoneOffset.UTC)))
                                    .chain(() -> handOvers.persist(OdooHandOver.dispatch(shipment, now)))
                                    .chain(() -> remaining.isEmpty()
                                            ? Uni.createFrom().voidItem()
                                            : rest(shipment.remainder(remaining, now)))
                                    .replaceWith(shipment);
                        })));
    }

    private Uni<Void> rest(Shipment remainder) {
        return repository.persist(remainder).chain(events::created).replaceWithVoid();
    }

    /** The label's carrier and reference go to the Odoo delivery; a label bought again is written again. */
    private Uni<Void> trackingToOdoo(Shipment shipment) {
        return handOvers.of(shipment.id(), OdooHandOver.Kind.TRACKING).chain(existing -> {
            if (existing != null) {
                existing.rewrite(clock.instant());
                return Uni.createFrom().voidItem();
            }
            return handOvers.persist(OdooHandOver.tracking(shipment, clock.instant())).replaceWithVoid();
        });
    }

    private Uni<Quote> quote(RateRequest request) {
        List<CarrierError> errors = new ArrayList<>();
        List<Uni<List<Rate>>> asked = new ArrayList<>();
        for (Carrier carrier : carriers.all()) {
            CarrierConfig.Carrier settings = carriers.settings(carrier.code());
            String refuses = new RateShop.Rules(carrier.code(), settings.maxParcelKg(), settings.minTotalKg())
                    .refuses(request);
            if (refuses != null) {
                errors.add(CarrierError.skipped(carrier.code(), refuses));
                continue;
            }
            asked.add(carrier.rates(request).onFailure(CarrierException.class).recoverWithItem(failure -> {
                synchronized (errors) {
                    errors.add(CarrierError.of((CarrierException) failure));
                }
                return List.of();
            }));
        }
        if (asked.isEmpty()) {
            return Uni.createFrom().item(new Quote(List.of(), errors));
        }
        return Uni.join().all(asked).andFailFast().map(answers -> {
            List<Rate> all = answers.stream().flatMap(List::stream).toList();
            return new Quote(RateShop.rank(all, request.serviceLevel()), List.copyOf(errors));
        });
    }

    private Carrier carrier(String code) {
        return carriers.find(code).orElseThrow(() -> new IllegalStateException("Carrier " + code + " is not configured"));
    }

    static RateRequest request(Shipment shipment, List<Parcel> parcels, ServiceLevel level) {
        Shipment.ShipTo to = shipment.shipTo();
        return new RateRequest(shipment.id(), shipment.warehouse(),
                new RateRequest.Destination(to.name(), to.street(), to.city(), to.postalCode(), to.country()), parcels,
                level);
    }
}

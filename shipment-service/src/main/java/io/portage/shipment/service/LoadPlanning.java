package io.portage.shipment.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.shipment.client.YardAppointmentsClient;
import io.portage.shipment.config.TmsConfig;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.tms.DockAppointmentException;
import io.portage.shipment.domain.tms.LoadPlan;
import io.portage.shipment.domain.tms.LoadTender;
import io.portage.shipment.domain.tms.Tms;
import io.portage.shipment.domain.tms.TmsException;
import io.portage.shipment.domain.tms.TmsLoad;
import io.portage.shipment.repository.ShipmentRepository;
import io.portage.shipment.repository.TmsLoadRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Load planning with the TMS: every {@code portage.tms.interval} planned shipments are enlisted and tendered (the TMS
 * away: the load waits, backing off, the shipment untouched), plans called back are applied by revision, and the
 * outbound dock appointment each plan asks for is booked at yard-service or moved there; no transaction is held while
 * the TMS or yard-service is called. A booking yard-service refuses opens {@value #APPOINTMENT_REFUSED} (owner
 * warehouse).
 */
@ApplicationScoped
public class LoadPlanning {

    /** The exception-queue type of a dock appointment yard-service refused for a load's plan. */
    public static final String APPOINTMENT_REFUSED = "shipment.dock-appointment-refused";

    private final Tms tms;
    private final YardAppointmentsClient yard;
    private final TmsLoadRepository loads;
    private final ShipmentRepository shipments;
    private final ExceptionQueue exceptions;
    private final TmsConfig config;
    private final Clock clock = Clock.systemUTC();

    public LoadPlanning(Tms tms, YardAppointmentsClient yard, TmsLoadRepository loads, ShipmentRepository shipments,
            ExceptionQueue exceptions, TmsConfig config) {
        this.tms = tms;
        this.yard = yard;
        this.loads = loads;
        this.shipments = shipments;
        this.exceptions = exceptions;
        this.config = config;
    }

    /** What a plan callback did. */
    public record Applied(UUID shipmentId, long revision, boolean applied) {
    }

    @Scheduled(identity = "shipment-tms", every = "${portage.tms.interval:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return config.enabled() ? pass().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** Enlists new planned shipments, tenders the due loads and books or moves the due appointments; loads worked. */
    @WithSpan("LoadPlanning.pass")
    public Uni<Integer> pass() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> loads.enlistPlanned(now, config.batchSize()))
                .chain(() -> Panache.withSession(() -> loads.dueTenders(now, config.batchSize())))
                .chain(due -> each(due, this::tender))
                .chain(tendered -> Panache.withSession(() -> loads.dueAppointments(now, config.batchSize()))
                        .chain(due -> each(due, this::appointment))
                        .map(booked -> tendered + booked));
    }

    private static Uni<Integer> each(List<TmsLoad> due, Function<TmsLoad, Uni<Void>> work) {
        return Multi.createFrom()
                .iterable(due)
                .onItem()
                .transformToUniAndConcatenate(load -> work.apply(load))
                .collect()
                .asList()
                .map(done -> due.size());
    }

    private Uni<Void> tender(TmsLoad load) {
        UUID id = load.shipmentId();
        return Panache.withSession(() -> shipments.findById(id))
                .chain(shipment -> tms.tender(tender(shipment)))
                .chain(loadId -> update(id, found -> found.tendered(loadId)))
                .onFailure(TmsException.class)
                .recoverWithUni(failure -> {
                    Log.infof("TMS did not take the tender of shipment %s (%s): tried again later", id,
                            failure.getMessage());
                    return update(id, found -> found.tenderFailed(failure.getMessage(),
                            retryAt(found.tenderAttempts())));
                });
    }

    private static LoadTender tender(Shipment shipment) {
        Shipment.ShipTo to = shipment.shipTo();
        return new LoadTender(shipment.id(), shipment.warehouse(), to.country(), to.postalCode(), to.city(),
                shipment.shipBy(), shipment.serviceLevel(), shipment.totalQuantity());
    }

    /**
     * A TMS callback: its signature checked before the body is read, then its plan applied. Refused when no TMS is
     * configured, unsigned or wrongly signed, or not a plan.
     */
    public Uni<Applied> callback(String body, String signature) {
        if (!config.enabled() || config.webhookSecret().isEmpty()) {
            return Uni.createFrom()
                    .failure(new WebhookRefusedException(WebhookRefusedException.Reason.UNKNOWN_CARRIER,
                            "No TMS configured (portage.tms.enabled and portage.tms.webhook-secret)"));
        }
        if (!tms.signed(body, signature)) {
            return Uni.createFrom()
                    .failure(new WebhookRefusedException(WebhookRefusedException.Reason.BAD_SIGNATURE,
                            "X-Tms-Signature missing or not the HMAC-SHA256 of the body with the TMS's secret"));
        }
        LoadPlan plan;
        try {
            plan = tms.plan(body);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom()
                    .failure(new WebhookRefusedException(WebhookRefusedException.Reason.UNREADABLE,
                            e.getMessage()));
        }
        return apply(plan);
    }

    /** Applies a plan callback: a revision not newer than the one applied (duplicate, late) changes nothing. */
    @WithSpan("LoadPlanning.apply")
    public Uni<Applied> apply(LoadPlan plan) {
        return Panache.withTransaction(() -> loads.findById(plan.shipmentId()).map(load -> {
            if (load == null) {
                throw new LoadNotFoundException(plan.shipmentId());
            }
            boolean applied = load.plan(plan, clock.instant());
            if (!applied) {
                Log.infof("TMS plan revision %d of shipment %s ignored: revision %d applied", plan.revision(),
                        plan.shipmentId(), load.revision());
            }
            return new Applied(plan.shipmentId(), plan.revision(), applied);
        }));
    }

    /** A shipment's load and plan. */
    public Uni<TmsLoad> of(UUID shipmentId) {
        return Panache.withSession(() -> loads.findById(shipmentId));
    }

    private Uni<Void> appointment(TmsLoad load) {
        UUID id = load.shipmentId();
        String key = "tms:" + load.loadId() + ":" + load.revision();
        Uni<YardAppointmentsClient.Booked> call = load.appointmentId() == null
                ? yard.book(load.site(), load.carrier(), "TMS " + load.loadId(), id, load.pickupStart(),
                        load.pickupEnd(), key)
                : yard.reschedule(load.appointmentId(), load.pickupStart(), load.pickupEnd(),
                        "TMS plan revision " + load.revision(), key);
        return call.chain(booked -> update(id, found -> found.appointmentBooked(booked.id(), booked.slotStart(),
                booked.slotEnd())))
                .onFailure(DockAppointmentException.class)
                .recoverWithUni(failure -> ((DockAppointmentException) failure).refused()
                        ? Panache.withTransaction(() -> loads.findById(id)
                                .invoke(found -> found.appointmentRefused(failure.getMessage()))
                                .chain(() -> exceptions.raise(APPOINTMENT_REFUSED, "warehouse", id.toString(),
                                        "yard-service refused the dock appointment of shipment " + id + " for TMS load "
                                                + load.loadId() + ": " + failure.getMessage(),
                                        "{\"shipmentId\":\"" + id + "\",\"loadId\":\"" + load.loadId() + "\"}")))
                                .replaceWithVoid()
                        : update(id, found -> found.appointmentFailed(failure.getMessage(),
                                retryAt(found.appointmentAttempts()))));
    }

    private Uni<Void> update(UUID id, Consumer<TmsLoad> change) {
        return Panache.withTransaction(() -> loads.findById(id).invoke(change)).replaceWithVoid();
    }

    private Instant retryAt(int attempts) {
        Duration pause = config.backoff().multipliedBy(1L << Math.min(attempts, 16));
        if (pause.compareTo(config.maxBackoff()) > 0) {
            pause = config.maxBackoff();
        }
        long jitter = ThreadLocalRandom.current().nextLong(pause.toMillis() / 2 + 1);
        return clock.instant().plus(pause.minusMillis(jitter));
    }
}

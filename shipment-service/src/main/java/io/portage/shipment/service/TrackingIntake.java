package io.portage.shipment.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.kit.ops.ExceptionQueue;
import io.portage.shipment.client.CarrierRegistry;
import io.portage.shipment.client.ParcelApiWebhooks;
import io.portage.shipment.domain.carrier.CarrierException;
import io.portage.shipment.domain.tracking.Tracker;
import io.portage.shipment.repository.TrackerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Where tracking comes in: a parcel API carrier's signed webhook (checked before it is read), and polling of the open
 * trackers, for carriers without webhooks and to catch the webhooks that never came; a poll also flags the trackers
 * whose carrier has gone quiet.
 */
@ApplicationScoped
public class TrackingIntake {

    private final TrackingService tracking;
    private final TrackerRepository trackers;
    private final CarrierRegistry carriers;
    private final ParcelApiWebhooks webhooks;
    private final ExceptionQueue exceptions;
    private final Clock clock = Clock.systemUTC();

    public TrackingIntake(TrackingService tracking, TrackerRepository trackers, CarrierRegistry carriers,
            ParcelApiWebhooks webhooks, ExceptionQueue exceptions) {
        this.exceptions = exceptions;
        this.tracking = tracking;
        this.trackers = trackers;
        this.carriers = carriers;
        this.webhooks = webhooks;
    }

    /** The exception-queue type of a dispatched shipment whose carrier has not scanned it for its stale-after. */
    public static final String TRACKING_STALE = "shipment.tracking-stale";

    /** What a poll did: trackers asked, what their scans did, the carriers that did not answer, trackers flagged stale. */
    public record Polled(int trackers, TrackingService.Recorded recorded, List<CarrierError> failed, int stale) {
    }

    /** Verifies and applies a webhook; other event types than tracker updates are acknowledged and ignored. */
    public Uni<TrackingService.Recorded> webhook(String carrier, String body, String signature) {
        if (!webhooks.accepts(carrier)) {
            return Uni.createFrom()
                    .failure(new WebhookRefusedException(WebhookRefusedException.Reason.UNKNOWN_CARRIER,
                            "No webhook carrier '" + carrier + "' (a PARCEL_API carrier with portage.carriers." + carrier
                                    + ".webhook-secret)"));
        }
        if (!webhooks.signedBy(carrier, body, signature)) {
            return Uni.createFrom()
                    .failure(new WebhookRefusedException(WebhookRefusedException.Reason.BAD_SIGNATURE,
                            "X-Hmac-Signature is missing or is not the body's HMAC-SHA256 with " + carrier
                                    + "'s webhook secret"));
        }
        java.util.Optional<ParcelApiWebhooks.TrackerUpdate> update;
        try {
            update = webhooks.trackerUpdate(body);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom()
                    .failure(new WebhookRefusedException(WebhookRefusedException.Reason.UNREADABLE,
                            e.getMessage()));
        }
        if (update.isEmpty()) {
            return Uni.createFrom().item(new TrackingService.Recorded(0, 0, 0, 0));
        }
        return tracking.record(carrier, update.get().trackingCode(), update.get().scans(), TrackingService.Source.WEBHOOK);
    }

    /** Polls the open trackers not polled for {@code notPolledFor}, at most {@code limit}, one after the other. */
    public Uni<Polled> poll(Duration notPolledFor, int limit) {
        Instant now = clock.instant();
        return Panache.withSession(() -> trackers.duePolls(now.minus(notPolledFor), limit)).chain(due -> {
            List<CarrierError> failed = new ArrayList<>();
            Uni<TrackingService.Recorded> chain = Uni.createFrom().item(new TrackingService.Recorded(0, 0, 0, 0));
            for (Tracker tracker : due) {
                chain = chain.chain(sum -> pollOne(tracker, now).map(sum::plus)
                        .onFailure(CarrierException.class)
                        .recoverWithItem(e -> {
                            failed.add(CarrierError.of((CarrierException) e));
                            Log.infof("Polling %s for %s failed: %s", tracker.carrier(), tracker.trackingNumber(),
                                    e.getMessage());
                            return sum;
                        }));
            }
            return chain.chain(recorded -> flagStale(limit)
                    .map(stale -> new Polled(due.size(), recorded, List.copyOf(failed), stale)));
        });
    }

    /**
     * Flags the open trackers whose carrier has been quiet for longer than its {@code stale-after} (the shortest one
     * configured bounds the query): an exception-queue item per shipment, brought up to date while it stays open.
     */
    Uni<Integer> flagStale(int limit) {
        Instant now = clock.instant();
        Duration shortest = carriers.all()
                .stream()
                .map(carrier -> carriers.settings(carrier.code()).staleAfter())
                .min(Duration::compareTo)
                .orElse(Duration.ofDays(2));
        return Panache.withTransaction(() -> trackers.quietSince(now.minus(shortest), limit).chain(quiet -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Tracker tracker : quiet) {
                if (carriers.settings(tracker.carrier()) == null
                        || !tracker.stale(now, carriers.settings(tracker.carrier()).staleAfter())) {
                    continue;
                }
                Instant since = tracker.lastEventAt() != null ? tracker.lastEventAt() : tracker.createdAt();
                chain = chain.chain(n -> exceptions.raise(TRACKING_STALE, "customer-service",
                        tracker.shipmentId().toString(), "No scan from " + tracker.carrier() + " for "
                                + tracker.trackingNumber() + " since " + since + " (status " + tracker.status() + ")",
                        "{\"shipmentId\":\"" + tracker.shipmentId() + "\",\"carrier\":\"" + tracker.carrier()
                                + "\",\"trackingNumber\":\"" + tracker.trackingNumber() + "\"}")
                        .replaceWith(n + 1));
            }
            return chain;
        }));
    }

    private Uni<TrackingService.Recorded> pollOne(Tracker tracker, Instant now) {
        return carriers.find(tracker.carrier())
                .orElseThrow(() -> new IllegalStateException("Carrier " + tracker.carrier() + " is not configured"))
                .track(tracker.trackingNumber())
                .chain(scans -> tracking.record(tracker.carrier(), tracker.trackingNumber(), scans,
                        TrackingService.Source.POLL))
                .call(() -> Panache.withTransaction(() -> trackers.findById(tracker.id()).invoke(t -> t.polled(now))));
    }
}

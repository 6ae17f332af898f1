package io.portage.shipment.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.config.TrackingConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Polls the open trackers every {@code portage.tracking.poll-interval}: the only tracking of carriers without webhooks. */
@ApplicationScoped
public class TrackingPoller {

    private final TrackingIntake intake;
    private final TrackingConfig config;

    public TrackingPoller(TrackingIntake intake, TrackingConfig config) {
        this.intake = intake;
        this.config = config;
    }

    @Scheduled(every = "${portage.tracking.poll-interval:15m}", delayed = "${portage.tracking.poll-delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pollDue() {
        return intake.poll(config.pollInterval(), config.pollBatch())
                .invoke(polled -> Log.debugf("Polled %s trackers: %s, %s carrier failures", (Object) polled.trackers(),
                        polled.recorded(), (Object) polled.failed().size()))
                .replaceWithVoid();
    }
}

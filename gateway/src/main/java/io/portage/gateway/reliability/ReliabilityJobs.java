package io.portage.gateway.reliability;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.portage.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Adds what {@link PartnerTraffic} counted into the database every {@code portage.gateway.reliability.flush-interval}
 * and at shutdown (a failed flush is put back and tried again with the next), and deletes buckets older than the
 * retention every hour.
 */
@ApplicationScoped
public class ReliabilityJobs {

    private final PartnerTraffic traffic;
    private final ReliabilityStore store;
    private final GatewayConfig.Reliability config;
    private long droppedReported;

    public ReliabilityJobs(PartnerTraffic traffic, ReliabilityStore store, GatewayConfig config) {
        this.traffic = traffic;
        this.store = store;
        this.config = config.reliability();
    }

    @Scheduled(every = "${portage.gateway.reliability.flush-interval:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushNow() {
        flush();
    }

    /** Adds every counter into the database; answers how many rows it added to. */
    public synchronized int flush() {
        List<PartnerTraffic.Counted> taken = traffic.drain();
        long dropped = traffic.dropped();
        if (dropped > droppedReported) {
            Log.errorf("%d partner requests were not counted for reliability: %d counters were waiting for the database",
                    dropped - droppedReported, config.maxPending());
            droppedReported = dropped;
        }
        if (taken.isEmpty()) {
            return 0;
        }
        try {
            store.add(taken);
            return taken.size();
        } catch (SQLException | RuntimeException e) {
            traffic.restore(taken);
            Log.warnf("Reliability counts not written (%d counters kept for the next flush): %s", taken.size(), e);
            return 0;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        int rows = flush();
        Log.debugf("Reliability counts flushed at shutdown: %d rows", rows);
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireNow() {
        expire();
    }

    /** Deletes the buckets older than the retention; answers how many rows went. */
    public int expire() {
        try {
            int deleted = store.deleteBefore(Instant.now().minus(config.retention()));
            Log.debugf("Reliability buckets older than %s deleted: %d", config.retention(), deleted);
            return deleted;
        } catch (SQLException e) {
            Log.warnf("Reliability buckets not expired (tried again in an hour): %s", e);
            return 0;
        }
    }
}

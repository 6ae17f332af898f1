package io.portage.edge.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portage.edge.config.EdgeConfig;
import io.portage.edge.domain.Backoff;
import io.portage.edge.domain.DeadLetter;
import io.portage.edge.domain.Uplink;
import io.portage.edge.domain.UplinkUnavailableException;
import io.portage.edge.repository.EventStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Forwards the backlog to the gateway's {@code /api/v1/edge/events} on one thread: batch after batch while events
 * wait, exponential backoff with jitter while the uplink is down, and a resume from the store after a restart (what
 * was not answered for is still pending). Also deletes forwarded events after their retention and replays dead letters.
 */
@ApplicationScoped
public class ForwardingService {

    private static final Duration RATE_WINDOW = Duration.ofSeconds(60);

    private final EventStore store;
    private final Forwarder forwarder;
    private final EdgeConfig.Forward config;
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final Semaphore wake = new Semaphore(0);
    private final Counter forwarded;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter failed;
    private final AtomicLong lastSuccessEpochSecond = new AtomicLong();
    private final Deque<long[]> recent = new ArrayDeque<>();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile int consecutiveFailures;
    private volatile Instant lastSuccess;
    private volatile Instant nextAttempt;
    private volatile String lastError;
    private Instant lastCompaction = Instant.EPOCH;

    /** The forwarder's state for the status page. */
    public record State(boolean enabled, boolean uplinkUp, int consecutiveFailures, Instant lastSuccess,
            Instant nextAttempt, String lastError, double eventsPerSecond, long forwardedTotal) {
    }

    public ForwardingService(EventStore store, Uplink uplink, EdgeConfig config, MeterRegistry metrics) {
        this.store = store;
        this.config = config.forward();
        this.forwarder = new Forwarder(store, uplink, this.config.batchSize(), clock);
        this.backoff = new Backoff(this.config.backoffInitial(), this.config.backoffMax());
        this.forwarded = metrics.counter("portage.edge.forwarded", "result", "accepted");
        this.duplicates = metrics.counter("portage.edge.forwarded", "result", "duplicate");
        this.rejected = metrics.counter("portage.edge.dead.letters");
        this.failed = metrics.counter("portage.edge.forward.failures");
        metrics.gauge("portage.edge.forward.last.success.seconds", lastSuccessEpochSecond, AtomicLong::doubleValue);
        metrics.gauge("portage.edge.forward.rate", this, ForwardingService::eventsPerSecond);
        metrics.gauge("portage.edge.forward.consecutive.failures", this, service -> service.consecutiveFailures);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.infof("Forwarding is off (portage.edge.forward.enabled=false): events are stored, not sent");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("edge-forwarder").daemon().start(this::run);
        Log.infof("Forwarding to %s in batches of %d", config.url(), config.batchSize());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** New events are stored: an idle forwarder sends them now rather than at its next look. */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (running) {
            try {
                Forwarder.Round round = forwarder.forwardOnce();
                if (consecutiveFailures > 0) {
                    Log.infof("Uplink back after %d failed attempts", consecutiveFailures);
                }
                consecutiveFailures = 0;
                nextAttempt = null;
                if (round.sent() > 0) {
                    record(round);
                }
                compactIfDue();
                if (round.sent() == 0) {
                    wake.tryAcquire(config.idleInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failed.increment();
                int failures = ++consecutiveFailures;
                Duration delay = backoff.delay(failures, ThreadLocalRandom.current());
                nextAttempt = clock.instant().plus(delay);
                lastError = e.getMessage();
                if (e instanceof UplinkUnavailableException) {
                    if (failures == 1 || failures % 20 == 0) {
                        Log.warnf("Uplink down (%d failed attempts, retry in %d ms): %s", failures, delay.toMillis(),
                                e.getMessage());
                    } else {
                        Log.debugf("Uplink still down (%d): %s", failures, e.getMessage());
                    }
                } else {
                    Log.errorf(e, "Forwarding failed (%d, retry in %d ms)", failures, delay.toMillis());
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void record(Forwarder.Round round) {
        Instant now = clock.instant();
        forwarded.increment(round.accepted());
        duplicates.increment(round.duplicates());
        if (round.rejected() > 0) {
            rejected.increment(round.rejected());
            Log.warnf("The gateway rejected %d events as invalid; they wait as dead letters (GET /api/v1/dead-letters)",
                    round.rejected());
        }
        int done = round.accepted() + round.duplicates() + round.rejected();
        if (done > 0) {
            lastSuccess = now;
            lastSuccessEpochSecond.set(now.getEpochSecond());
        }
        synchronized (recent) {
            recent.addLast(new long[]{now.toEpochMilli(), round.accepted() + round.duplicates()});
            trim(now);
        }
    }

    private void compactIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastCompaction, now).compareTo(Duration.ofSeconds(10)) < 0) {
            return;
        }
        lastCompaction = now;
        int deleted;
        long total = 0;
        do {
            deleted = store.compact(now.minus(config.retention()), 10_000);
            total += deleted;
        } while (deleted == 10_000 && running);
        if (total > 0) {
            Log.debugf("Deleted %d events forwarded more than %s ago", total, config.retention());
        }
    }

    private void trim(Instant now) {
        long since = now.minus(RATE_WINDOW).toEpochMilli();
        while (!recent.isEmpty() && recent.peekFirst()[0] < since) {
            recent.removeFirst();
        }
    }

    /** Events forwarded per second over the last minute. */
    public double eventsPerSecond() {
        synchronized (recent) {
            trim(clock.instant());
            long sum = 0;
            for (long[] sample : recent) {
                sum += sample[1];
            }
            return sum / (double) RATE_WINDOW.toSeconds();
        }
    }

    /** Whether the forwarding thread runs, or forwarding is off (nothing to run). */
    public boolean isRunning() {
        Thread current = thread;
        return !config.enabled() || current != null && current.isAlive();
    }

    public State state() {
        return new State(config.enabled(), consecutiveFailures == 0, consecutiveFailures, lastSuccess, nextAttempt,
                lastError, eventsPerSecond(), (long) (forwarded.count() + duplicates.count()));
    }

    /** Dead letters, oldest rejection first. */
    public List<DeadLetter> deadLetters(int limit) {
        return store.deadLetters(limit);
    }

    /** Puts dead letters (all when {@code ids} is empty) back at the end of the queue; answers how many. */
    public int replay(List<UUID> ids) {
        int replayed = store.replay(ids);
        Log.infof("Replayed %d dead letters", replayed);
        wake();
        return replayed;
    }
}

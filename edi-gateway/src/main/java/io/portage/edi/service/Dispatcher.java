package io.portage.edi.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.edi.domain.EdiFile;
import io.portage.edi.domain.Partner;
import io.portage.edi.repository.EdiFileRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code portage.edi.dispatch-every}, starts a round per partner on its own worker: push its queued files to its
 * outbound folder (atomically, in queue order, stopping at the first failure so order holds) and, when its
 * {@code poll-every} has passed, pick up what it sent ({@link Intake}).
 */
@ApplicationScoped
public class Dispatcher {

    private static final int BATCH = 50;

    private final PartnerDirectory partners;
    private final PartnerWorkers workers;
    private final TransportGuard guard;
    private final EdiFileRepository files;
    private final Intake intake;
    private final Acknowledgments acknowledgments;
    private final MeterRegistry metrics;
    private final Map<String, Instant> lastPoll = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public Dispatcher(PartnerDirectory partners, PartnerWorkers workers, TransportGuard guard, EdiFileRepository files,
            Intake intake, Acknowledgments acknowledgments, MeterRegistry metrics) {
        this.acknowledgments = acknowledgments;
        this.partners = partners;
        this.workers = workers;
        this.guard = guard;
        this.files = files;
        this.intake = intake;
        this.metrics = metrics;
    }

    @Scheduled(every = "${portage.edi.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (Partner partner : partners.all()) {
            workers.runIfIdle(partner.id(), () -> round(partner));
        }
    }

    @Scheduled(every = "${portage.edi.ack-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkAcknowledgments() {
        int missing = OnVertx.await(acknowledgments::checkOverdue);
        if (missing > 0) {
            Log.warnf("%d file(s) past their 997 deadline", missing);
        }
    }

    private void round(Partner partner) {
        push(partner);
        Instant now = clock.instant();
        Instant last = lastPoll.get(partner.id());
        if (partner.sftp().inbound() != null && (last == null || !now.isBefore(last.plus(partner.pollEvery())))) {
            lastPoll.put(partner.id(), now);
            intake.poll(partner);
        }
    }

    /** Pushes the partner's queued files; answers how many went out. */
    int push(Partner partner) {
        List<EdiFile> pending = OnVertx.await(() -> Panache.withSession(() -> files.pending(partner.id(), BATCH)));
        int sent = 0;
        for (EdiFile file : pending) {
            try {
                guard.call(partner, connection -> {
                    connection.upload(partner.sftp().outbound(), file.fileName(),
                            file.content().getBytes(StandardCharsets.US_ASCII));
                    return null;
                });
            } catch (PartnerUnavailableException e) {
                OnVertx.await(() -> Panache.withTransaction(() -> files.markSendFailed(file.id(), e.getMessage())));
                Log.warnf("%s not sent to %s: %s", file.fileName(), partner.id(), e.getMessage());
                return sent;
            }
            Instant at = clock.instant();
            OnVertx.await(() -> Panache.withTransaction(() -> files.markSent(file.id(), at)));
            metrics.counter("portage.edi.files.sent", "partner", partner.id(), "document", file.document()).increment();
            Log.infof("Sent %s to %s (ISA %s, correlation %s)", file.fileName(), partner.id(), file.interchangeControl(),
                    file.correlationId());
            sent++;
        }
        return sent;
    }
}

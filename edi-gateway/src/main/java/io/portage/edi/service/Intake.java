package io.portage.edi.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.edi.client.SftpTransport;
import io.portage.edi.domain.Partner;
import io.quarkus.logging.Log;

/**
 * Picks up a partner's files from its inbound folder on the partner's worker: each file is taken by renaming it (no
 * second reader gets it), read up to the partner's size limit, received ({@link Receiving}: archived, applied, its 997
 * queued, in one transaction) and only then removed; a file taken but not finished is taken up again next time.
 */
@ApplicationScoped
public class Intake {

    private final TransportGuard guard;
    private final Receiving receiving;
    private final MeterRegistry metrics;

    public Intake(TransportGuard guard, Receiving receiving, MeterRegistry metrics) {
        this.guard = guard;
        this.receiving = receiving;
        this.metrics = metrics;
    }

    /** One pickup round; answers how many files were received. */
    public int poll(Partner partner) {
        String folder = partner.sftp().inbound();
        try {
            return guard.call(partner, connection -> {
                int received = 0;
                for (SftpTransport.RemoteFile file : connection.list(folder)) {
                    if (!file.taken() && !connection.take(folder, file.name())) {
                        continue;
                    }
                    if (file.size() > partner.maxFileBytes()) {
                        OnVertx.await(() -> receiving.refuseTooLarge(partner, file.name(), file.size()));
                        connection.remove(folder, file.takenName());
                        continue;
                    }
                    byte[] content = connection.read(folder, file.takenName(), partner.maxFileBytes());
                    Receiving.Outcome outcome;
                    try {
                        outcome = OnVertx.await(() -> receiving.receive(partner, file.name(), content));
                    } catch (RuntimeException e) {
                        Log.warnf("%s from %s not received, left for the next round: %s", file.name(), partner.id(),
                                e.toString());
                        continue;
                    }
                    metrics.counter("portage.edi.files.received", "partner", partner.id(), "outcome", outcome.name())
                            .increment();
                    Log.infof("Received %s from %s: %s", file.name(), partner.id(), outcome);
                    connection.remove(folder, file.takenName());
                    received++;
                }
                return received;
            });
        } catch (PartnerUnavailableException e) {
            Log.warnf("No pickup from %s: %s", partner.id(), e.getMessage());
            return 0;
        }
    }
}

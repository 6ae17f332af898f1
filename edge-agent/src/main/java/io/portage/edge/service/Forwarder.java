package io.portage.edge.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Uplink;
import io.portage.edge.domain.UplinkUnavailableException;
import io.portage.edge.repository.EventStore;

/**
 * One forwarding step, without threads or timers: reads the next page of the backlog, sends it, and marks in the store
 * only what the receiver answered for (accepted and duplicate events as forwarded, rejected ones as dead letters). A
 * crash between sending and marking sends the batch again, which the receiver answers as duplicates.
 */
public final class Forwarder {

    private final EventStore store;
    private final Uplink uplink;
    private final int batchSize;
    private final Clock clock;
    private List<EdgeEvent> unsent;

    /** What one step did: events sent, and how the receiver answered for them. */
    public record Round(int sent, int accepted, int duplicates, int rejected) {

        static final Round NOTHING = new Round(0, 0, 0, 0);
    }

    public Forwarder(EventStore store, Uplink uplink, int batchSize, Clock clock) {
        this.store = store;
        this.uplink = uplink;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /**
     * Forwards one batch; {@link Round#sent()} is 0 when nothing is pending.
     *
     * @throws io.portage.edge.domain.UplinkUnavailableException when the receiver did not take the batch
     */
    public Round forwardOnce() {
        // After a failure the same batch goes again: an uplink that is down costs no read of the backlog per attempt.
        List<EdgeEvent> batch = unsent != null ? unsent : store.nextBatch(batchSize);
        if (batch.isEmpty()) {
            return Round.NOTHING;
        }
        unsent = batch;
        Set<UUID> sent = new HashSet<>();
        batch.forEach(event -> sent.add(event.id()));
        List<ForwardResult> answered = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        List<ForwardResult> results = uplink.send(batch);
        for (ForwardResult result : results) {
            if (sent.remove(result.id())) {
                answered.add(result);
                switch (result.status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> rejected++;
                }
            }
        }
        if (answered.isEmpty()) {
            // A 2xx that answers for nothing is no progress: back off rather than resend at once, forever.
            throw new UplinkUnavailableException("the receiver answered 2xx but for none of the " + batch.size()
                    + " events sent", null);
        }
        store.settle(answered, clock.instant());
        unsent = null;
        return new Round(batch.size(), accepted, duplicates, rejected);
    }
}

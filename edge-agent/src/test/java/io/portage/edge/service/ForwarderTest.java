package io.portage.edge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Uplink;
import io.portage.edge.domain.UplinkUnavailableException;
import io.portage.edge.repository.EventStore;

/** Forwarding across a restart of the agent: what was not answered for is sent again, and applied once. */
class ForwarderTest {

    @TempDir
    Path dir;

    /** A receiver that dedupes by id and records the order per key; it can fail before or after applying. */
    static final class Receiver implements Uplink {

        final Map<UUID, Integer> received = new HashMap<>();
        final Map<String, List<UUID>> appliedByKey = new LinkedHashMap<>();
        int batchesUntilCrash = Integer.MAX_VALUE;
        boolean loseAnswer;
        int lastBatch;

        @Override
        public List<ForwardResult> send(List<EdgeEvent> events) {
            if (batchesUntilCrash-- <= 0) {
                throw new UplinkUnavailableException("down", null);
            }
            List<ForwardResult> results = new ArrayList<>();
            lastBatch = events.size();
            for (EdgeEvent event : events) {
                boolean duplicate = received.merge(event.id(), 1, Integer::sum) > 1;
                if (!duplicate) {
                    appliedByKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.id());
                }
                results.add(new ForwardResult(event.id(),
                        duplicate ? ForwardResult.Status.DUPLICATE : ForwardResult.Status.ACCEPTED, null));
            }
            if (loseAnswer) {
                loseAnswer = false;
                throw new UplinkUnavailableException("connection reset after the receiver applied the batch", null);
            }
            return results;
        }
    }

    @Test
    void aRestartedAgentResumesWhereItStoppedAndTheReceiverAppliesEveryEventOnceInOrder() {
        Path file = dir.resolve("resume.db");
        Receiver receiver = new Receiver();
        Map<String, List<UUID>> sent = new LinkedHashMap<>();
        long pendingAtStop;
        int lostBatch;
        try (EventStore store = EventStore.open(file)) {
            List<EdgeEvent> events = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Priority priority = Priority.values()[i % 4];
                EdgeEvent event = new EdgeEvent(UUID.randomUUID(), "scan.pick.confirmed", "K-" + (i % 7), priority,
                        Instant.now(), Instant.now(), "{\"n\":" + i + "}");
                events.add(event);
                sent.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.id());
            }
            store.store(events);
            Forwarder forwarder = new Forwarder(store, receiver, 64, Clock.systemUTC());
            receiver.batchesUntilCrash = 5;
            for (int i = 0; i < 5; i++) {
                forwarder.forwardOnce();
            }
            receiver.loseAnswer = true;
            receiver.batchesUntilCrash = 1;
            assertThatThrownBy(forwarder::forwardOnce).isInstanceOf(UplinkUnavailableException.class);
            lostBatch = receiver.lastBatch;
            pendingAtStop = store.backlog().pending();
            assertThat(pendingAtStop).isEqualTo(1000 - receiver.received.size() + lostBatch);
        }
        // The agent stops here (crash or restart) with 6 batches sent and 5 answered.
        receiver.batchesUntilCrash = Integer.MAX_VALUE;
        try (EventStore reopened = EventStore.open(file)) {
            assertThat(reopened.backlog().pending()).isEqualTo(pendingAtStop);
            Forwarder forwarder = new Forwarder(reopened, receiver, 64, Clock.systemUTC());
            while (forwarder.forwardOnce().sent() > 0) {
                assertThat(receiver.lastBatch).isPositive();
            }
            assertThat(reopened.backlog().pending()).isZero();
        }
        assertThat(receiver.received).hasSize(1000);
        assertThat(receiver.received.values().stream().filter(count -> count > 1).count())
                .as("the one batch whose answer was lost is sent twice, and answered as duplicates")
                .isEqualTo(lostBatch);
        sent.forEach((key, ids) -> assertThat(receiver.appliedByKey.get(key)).as(key).containsExactlyElementsOf(ids));
    }

    @Test
    void anAnswerForNoneOfTheEventsIsAFailureNotProgress() {
        try (EventStore store = EventStore.open(dir.resolve("empty-answer.db"))) {
            store.store(List.of(new EdgeEvent(UUID.randomUUID(), "scan.x", "K", Priority.NORMAL, Instant.now(),
                    Instant.now(), "{}")));
            Forwarder forwarder = new Forwarder(store, events -> List.of(), 10, Clock.systemUTC());
            assertThatThrownBy(forwarder::forwardOnce).isInstanceOf(UplinkUnavailableException.class)
                    .hasMessageContaining("none of the 1 events");
            assertThat(store.backlog().pending()).isEqualTo(1);
        }
    }
}

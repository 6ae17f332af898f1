package io.portage.kit.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Ordering per aggregate against real PostgreSQL: whatever order and batching events arrive in, with redeliveries,
 * every aggregate ends in the state the ordered stream gives, and nothing stays parked.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "eventkit"))
class SequencerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Sequencer sequencer;

    @Inject
    Inbox inbox;

    /** Applies one delivered batch the way a consumer does: order, dedupe, apply, in one transaction. */
    private Sequencer.Admission deliver(String consumer, List<SequencedEvent> batch) {
        return onVertx(() -> Panache.withTransaction(() -> sequencer.admit(consumer, batch)
                .chain(admission -> inbox.firstDeliveries(consumer, admission.ready(), SequencedEvent::eventId,
                        SequencedEvent::type)
                        .chain(fresh -> Multi.createFrom()
                                .iterable(fresh)
                                .onItem()
                                .transformToUniAndConcatenate(SequencerTest::append)
                                .collect()
                                .asList())
                        .replaceWith(admission))));
    }

    /** Hibernate Reactive runs on a Vert.x context; tests call from their own thread and wait. */
    private static <T> T onVertx(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(TIMEOUT).fail());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Void> append(SequencedEvent event) {
        return Panache.getSession()
                .chain(session -> session.find(Journal.class, event.subject())
                        .chain(journal -> journal == null
                                ? session.persist(new Journal(event.subject()))
                                        .chain(() -> session.find(Journal.class,
                                                event.subject()))
                                : Uni.createFrom().item(journal))
                        .invoke(journal -> journal.content += event.payload())
                        .replaceWithVoid());
    }

    private static Map<String, String> journals(List<String> subjects) {
        return onVertx(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createSelectionQuery("from Journal where subject in :subjects", Journal.class)
                        .setParameter("subjects", subjects)
                        .getResultList())))
                .stream()
                .collect(HashMap::new, (map, journal) -> map.put(journal.subject, journal.content), HashMap::putAll);
    }

    private List<ParkedEvent> parked(String consumer) {
        return onVertx(() -> sequencer.parked(consumer, 10_000));
    }

    private static SequencedEvent event(String subject, long sequence, String text) {
        return new SequencedEvent(UUID.randomUUID().toString(), "io.portage.test.appended.v1", subject, sequence,
                Map.of("ce_subject", subject, "ce_sequence", Long.toString(sequence)), text);
    }

    @Test
    void anEarlyEventWaitsForItsPredecessorAndALateOneIsDropped() {
        String consumer = "test-" + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        SequencedEvent first = event(subject, 1, "a");
        SequencedEvent second = event(subject, 2, "b");
        SequencedEvent third = event(subject, 3, "c");

        Sequencer.Admission early = deliver(consumer, List.of(third));
        assertThat(early.ready()).isEmpty();
        assertThat(early.parked()).isEqualTo(1);
        assertThat(parked(consumer)).extracting(ParkedEvent::sequence).containsExactly(3L);
        given().queryParam("consumer", consumer)
                .when()
                .get("/ops/parked-events")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].subject", equalTo(subject))
                .body("[0].sequence", equalTo(3))
                .body("[0].eventId", equalTo(third.eventId()));

        Sequencer.Admission gapClosed = deliver(consumer, List.of(first, second));
        assertThat(gapClosed.ready()).extracting(SequencedEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(parked(consumer)).isEmpty();

        Sequencer.Admission redelivered = deliver(consumer, List.of(second));
        assertThat(redelivered.ready()).isEmpty();
        assertThat(redelivered.late()).isEqualTo(1);
        assertThat(journals(List.of(subject))).containsEntry(subject, "abc");
    }

    @Test
    void shuffledAndRedeliveredStreamsEndInTheOrderedState() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < 25; run++) {
            String consumer = "prop-" + UUID.randomUUID();
            Map<String, String> expected = new LinkedHashMap<>();
            List<SequencedEvent> stream = new ArrayList<>();
            int aggregates = 1 + random.nextInt(6);
            for (int a = 0; a < aggregates; a++) {
                String subject = UUID.randomUUID().toString();
                StringBuilder content = new StringBuilder();
                int events = 1 + random.nextInt(12);
                for (int sequence = 1; sequence <= events; sequence++) {
                    String text = Character.toString('a' + random.nextInt(26)) + sequence + ";";
                    content.append(text);
                    SequencedEvent event = event(subject, sequence, text);
                    stream.add(event);
                    // Redeliveries: the same event (same id and sequence) arrives again somewhere in the stream.
                    while (random.nextInt(4) == 0) {
                        stream.add(event);
                    }
                }
                expected.put(subject, content.toString());
            }
            Collections.shuffle(stream, random);

            int position = 0;
            while (position < stream.size()) {
                int size = 1 + random.nextInt(Math.min(8, stream.size() - position));
                deliver(consumer, stream.subList(position, position + size));
                position += size;
            }

            assertThat(journals(List.copyOf(expected.keySet())))
                    .as("run %d with seed %d: every aggregate in the ordered state", run, seed)
                    .isEqualTo(expected);
            assertThat(parked(consumer)).as("run %d with seed %d: nothing left parked", run, seed).isEmpty();
        }
    }
}

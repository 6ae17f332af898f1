package io.portage.kit.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
                .chain(admission -> JournalApplier.apply(inbox, consumer, admission.ready()).replaceWith(admission))));
    }

    private static <T> T onVertx(Supplier<Uni<T>> work) {
        return OnVertx.await(work, TIMEOUT);
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

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
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

    private static String awaitException(String businessKey) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().queryParam("type", ParkedEventWatch.TYPE)
                        .queryParam("status", "OPEN")
                        .queryParam("limit", 1000)
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("find { it.businessKey == '%s' }.id".formatted(businessKey)), id -> id != null);
    }

    private static int exceptionsFor(String businessKey) {
        return given().queryParam("type", ParkedEventWatch.TYPE)
                .queryParam("limit", 1000)
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("findAll { it.businessKey == '%s' }.id".formatted(businessKey))
                .size();
    }

    @Test
    void aGapThatNeverClosesBecomesAnExceptionAndRetryingItAcceptsTheGap() throws InterruptedException {
        String subject = UUID.randomUUID().toString();
        String key = ParkedEventWatch.key(JournalApplier.CONSUMER, subject);
        deliver(JournalApplier.CONSUMER, List.of(event(subject, 3, "c"), event(subject, 4, "d")));

        String id = awaitException(key);
        given().when()
                .get("/ops/exceptions/" + id)
                .then()
                .body("ownerRole", equalTo("ops"))
                .body("summary", containsString("for sequence 2"))
                .body("ageSeconds", greaterThanOrEqualTo(0));
        // Only an operator's token may act on it.
        given().auth().none().when().post("/ops/exceptions/" + id + "/retry").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("acme"))
                .when()
                .post("/ops/exceptions/" + id + "/retry")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.ops("ops.alice"))
                .when()
                .post("/ops/exceptions/" + id + "/retry")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETRIED"))
                .body("resolvedBy", equalTo("ops.alice"));
        assertThat(journals(List.of(subject))).containsEntry(subject, "cd");
        assertThat(parked(JournalApplier.CONSUMER)).noneMatch(event -> event.subject().equals(subject));

        // The events given up on arrive after all: late, dropped.
        Sequencer.Admission late = deliver(JournalApplier.CONSUMER, List.of(event(subject, 1, "a"), event(subject, 2, "b")));
        assertThat(late.late()).isEqualTo(2);
        assertThat(journals(List.of(subject))).containsEntry(subject, "cd");
        given().auth()
                .oauth2(TestTokens.ops("ops.alice"))
                .when()
                .post("/ops/exceptions/" + id + "/retry")
                .then()
                .statusCode(409);
        given().queryParam("target", "exception:" + id)
                .when()
                .get("/ops/audit")
                .then()
                .body("[0].action", equalTo("exception.retry"))
                .body("[0].outcome", equalTo("done"));
    }

    @Test
    void aDiscardedGapIsNotRaisedAgainAndItsEventsStayParked() throws InterruptedException {
        String subject = UUID.randomUUID().toString();
        String key = ParkedEventWatch.key(JournalApplier.CONSUMER, subject);
        deliver(JournalApplier.CONSUMER, List.of(event(subject, 2, "b")));
        String id = awaitException(key);

        given().auth()
                .oauth2(TestTokens.ops("ops.bob"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "sequence 1 was sent to the old system; nothing to apply"))
                .when()
                .post("/ops/exceptions/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCARDED"));
        Thread.sleep(2_500); // two more checks
        assertThat(exceptionsFor(key)).isEqualTo(1);
        assertThat(parked(JournalApplier.CONSUMER)).anyMatch(event -> event.subject().equals(subject));

        given().auth()
                .oauth2(TestTokens.ops("ops.bob"))
                .contentType(ContentType.JSON)
                .body(Map.of("resolution", "fixed"))
                .when()
                .post("/ops/exceptions/" + id + "/resolve")
                .then()
                .statusCode(409);
        given().queryParam("status", "LOST").when().get("/ops/exceptions").then().statusCode(400);
    }
}

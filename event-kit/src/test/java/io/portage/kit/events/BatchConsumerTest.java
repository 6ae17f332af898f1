package io.portage.kit.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OnVertx;
import io.portage.testsupport.OpsCalls;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A consumer built from a {@link BatchHandler} alone (read and apply) gets the kit's plumbing, against real Kafka and
 * PostgreSQL: order per aggregate with parking, one application per event id, dead letters stored and sent with their
 * headers, rejected items replayable, failures retried.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "eventkit"))
class BatchConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DLQ = "portage.dlq.event-kit-test";
    private static final String TYPE = "io.portage.test.appended.v1";

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    private static ProducerRecord<String, String> event(String id, String subject, long sequence, String text) {
        return CloudEventRecords.binary(JournalHandler.TOPIC, id, TYPE, subject, text,
                Map.of("sequence", Long.toString(sequence), "correlationid", "corr-" + subject));
    }

    private static void produce(List<ProducerRecord<String, String>> records) {
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(records).awaitCompletion(TIMEOUT);
        }
    }

    private static String journal(String subject) {
        return OnVertx.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.find(Journal.class, subject))
                .map(journal -> journal == null ? "" : journal.content)), TIMEOUT);
    }

    private static void awaitJournal(String subject, String content) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> journal(subject).equals(content));
    }

    @Test
    void eventsAreAppliedInOrderPerSubjectAndOncePerId() {
        String subject = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        produce(List.of(event(UUID.randomUUID().toString(), subject, 1, "a"),
                event(UUID.randomUUID().toString(), subject, 3, "c")));
        awaitJournal(subject, "a");
        // The third waited, parked, for the second.
        produce(List.of(event(second, subject, 2, "b")));
        awaitJournal(subject, "abc");

        // A redelivery (the same id) and a replay of history (a sequence applied already) change nothing.
        String after = UUID.randomUUID().toString();
        produce(List.of(event(second, subject, 2, "b"), event(UUID.randomUUID().toString(), subject, 2, "x"),
                event(UUID.randomUUID().toString(), after, 1, "done")));
        awaitJournal(after, "done");
        assertThat(journal(subject)).isEqualTo("abc");
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsHeadersAndTheBatchGoesOn() {
        String subject = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String unordered = UUID.randomUUID().toString();
        ProducerRecord<String, String> noSequence = CloudEventRecords.binary(JournalHandler.TOPIC, unordered, TYPE,
                subject, "no sequence", Map.of());
        produce(List.of(event(poison, subject, 1, "poison"), noSequence, event(UUID.randomUUID().toString(), subject, 2,
                "ok")));
        // The poison record still passes the sequencer, so its successor is applied.
        awaitJournal(subject, "ok");

        ConsumerRecord<String, String> dead = TestKafka.awaitRecord(DLQ, r -> poison.equals(TestKafka.header(r, "ce_id")));
        assertThat(dead.key()).isEqualTo(subject);
        assertThat(dead.value()).isEqualTo("poison");
        assertThat(TestKafka.header(dead, "ce_correlationid")).isEqualTo("corr-" + subject);
        assertThat(TestKafka.header(dead, "dead-letter-reason")).contains("poison is not a text");
        assertThat(TestKafka.header(dead, "dead-letter-topic")).isEqualTo(JournalHandler.TOPIC);
        assertThat(TestKafka.header(dead, "dead-letter-attempts")).isEqualTo("1");
        assertThat(TestKafka.header(dead, "dead-letter-consumer")).isEqualTo(JournalHandler.CONSUMER);
        assertThat(TestKafka.header(dead, "dead-letter-offset")).matches("\\d+");

        ConsumerRecord<String, String> unorderable = TestKafka.awaitRecord(DLQ,
                r -> unordered.equals(TestKafka.header(r, "ce_id")));
        assertThat(TestKafka.header(unorderable, "dead-letter-reason")).contains("ce_sequence");
    }

    @Test
    void aRejectedEventIsDeadLetteredAndAReplayAppliesItOnce() {
        String subject = UUID.randomUUID().toString();
        String rejected = UUID.randomUUID().toString();
        produce(List.of(event(rejected, subject, 1, "reject")));
        ConsumerRecord<String, String> dead = TestKafka.awaitRecord(DLQ,
                r -> rejected.equals(TestKafka.header(r, "ce_id")));
        assertThat(TestKafka.header(dead, "dead-letter-reason")).contains("rejected " + rejected);

        String letter = OpsCalls.awaitOpenDeadLetter(JournalHandler.CONSUMER, rejected);
        // Not recorded in the inbox when rejected: the corrected replay is its first application.
        given().contentType(ContentType.JSON)
                .body(Map.of("payload", "fixed"))
                .when()
                .post("/ops/dead-letters/{id}/replay", letter)
                .then()
                .statusCode(200)
                .body("status", equalTo("REPLAYED"));
        assertThat(journal(subject)).isEqualTo("fixed");
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/ops/dead-letters/{id}/replay", letter)
                .then()
                .statusCode(409);

        // Replayed as it was, it is rejected again: 422, the letter stays open.
        String again = UUID.randomUUID().toString();
        produce(List.of(event(again, UUID.randomUUID().toString(), 1, "reject")));
        String second = OpsCalls.awaitOpenDeadLetter(JournalHandler.CONSUMER, again);
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/ops/dead-letters/{id}/replay", second)
                .then()
                .statusCode(422)
                .body("detail", containsString("rejected " + again));
    }

    @Test
    void aDryRunSaysWhatAReplayOfManyWouldDoAndChangesNothing() {
        String type = "io.portage.test.dry-run-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstSubject = UUID.randomUUID().toString();
        produce(List.of(CloudEventRecords.binary(JournalHandler.TOPIC, first, type, firstSubject, "reject",
                Map.of("sequence", "1")),
                CloudEventRecords.binary(JournalHandler.TOPIC, second, type, UUID.randomUUID().toString(), "reject",
                        Map.of("sequence", "1"))));
        String firstLetter = OpsCalls.awaitOpenDeadLetter(JournalHandler.CONSUMER, first);
        OpsCalls.awaitOpenDeadLetter(JournalHandler.CONSUMER, second);

        given().contentType(ContentType.JSON)
                .body(Map.of("eventType", type, "dryRun", true))
                .when()
                .post("/ops/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("matching", equalTo(2))
                .body("wouldReplay", equalTo(2))
                .body("byConsumer." + JournalHandler.CONSUMER, equalTo(2))
                .body("sample.eventId", containsInAnyOrder(first, second));
        // Filtered by a text in the error, one of them.
        given().contentType(ContentType.JSON)
                .body(Map.of("eventType", type, "error", "rejected " + second, "dryRun", true))
                .when()
                .post("/ops/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("matching", equalTo(1))
                .body("sample[0].eventId", equalTo(second));
        // Found by its record's key (the aggregate) too.
        given().queryParam("key", firstSubject)
                .get("/ops/dead-letters")
                .then()
                .statusCode(200)
                .body("eventId", contains(first));
        given().get("/ops/dead-letters/{id}", firstLetter)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("attempts", equalTo(1));

        // The replay itself keeps its answer: both still rejected.
        given().contentType(ContentType.JSON)
                .body(Map.of("eventType", type))
                .when()
                .post("/ops/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("replayed", equalTo(0))
                .body("failed", hasSize(2));
    }

    @Test
    void aFailureToApplyIsRetriedUntilItApplies() {
        double before = retries();
        String subject = UUID.randomUUID().toString();
        produce(List.of(event(UUID.randomUUID().toString(), subject, 1, "flaky")));
        awaitJournal(subject, "flaky");
        assertThat(retries() - before).isGreaterThanOrEqualTo(2);
    }

    private double retries() {
        return metrics.counter("portage.consumer.retries", "consumer", JournalHandler.CONSUMER).count();
    }
}

package io.portage.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The outbox against real PostgreSQL and Kafka: a transaction's events are written at its flush in the order they were
 * staged (consecutive ids, sequences as given) and relayed in that order per subject, also when 600 stages are chained
 * one inside the other (as a loop of {@code chain} builds them); {@code stageAll} writes a batch in one statement
 * after what was staged before, published the same way; a rolled-back transaction leaves none.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "eventkit"))
class OutboxTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final URI SOURCE = URI.create("urn:portage:event-kit-test");

    @Inject
    Outbox outbox;

    private Uni<UUID> stage(String subject, long sequence) {
        return outbox.stage(EventCatalog.SHIPMENT_CREATED_V1,
                new ShipmentCreated(subject, UUID.randomUUID().toString(), "northwind", "WH1", "NL",
                        ShipmentCreated.ServiceLevel.STANDARD, Instant.parse("2026-12-05T10:00:00Z")),
                new EventEnvelope(SOURCE, subject, Instant.parse("2026-12-05T10:00:00Z"), "corr-" + subject, "northwind",
                        sequence));
    }

    /** The rows of these subjects in the relay's order: event id, subject, sequence, id. */
    private static List<Object[]> rows(List<String> subjects) {
        return OnVertx.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select cast(event_id as varchar), subject, sequence, id from {h-schema}outbox_event"
                                + " where subject in (:subjects) order by id",
                        Object[].class).setParameter("subjects", subjects).getResultList())),
                TIMEOUT);
    }

    @Test
    void aTransactionsEventsAreWrittenTogetherInStagingOrderAndRelayedInThatOrderPerSubject() {
        List<String> subjects = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        int perSubject = 200;
        List<UUID> staged = OnVertx.await(() -> Panache.withTransaction(() -> {
            Uni<List<UUID>> chain = Uni.createFrom().item(new ArrayList<>());
            for (int sequence = 1; sequence <= perSubject; sequence++) {
                for (String subject : subjects) {
                    long next = sequence;
                    chain = chain.chain(ids -> stage(subject, next).map(id -> {
                        ids.add(id);
                        return ids;
                    }));
                }
            }
            return chain;
        }), TIMEOUT);

        List<Object[]> rows = rows(subjects);
        assertThat(rows).hasSize(staged.size());
        assertThat(rows.stream().map(row -> UUID.fromString((String) row[0])).toList()).as("written in staging order")
                .containsExactlyElementsOf(staged);
        long first = ((Number) rows.getFirst()[3]).longValue();
        long last = ((Number) rows.getLast()[3]).longValue();
        assertThat(last - first + 1).as("ids consecutive: the transaction's rows, nothing between").isEqualTo(staged.size());
        for (String subject : subjects) {
            assertThat(rows.stream().filter(row -> subject.equals(row[1])).map(row -> ((Number) row[2]).longValue()))
                    .as("sequences of " + subject)
                    .isSorted()
                    .hasSize(perSubject)
                    .startsWith(1L)
                    .endsWith((long) perSubject);
        }

        Map<String, List<Long>> relayed = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<ConsumerRecord<String, String>> records = TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(1),
                    r -> subjects.contains(r.key()));
            return records.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key,
                            Collectors.mapping(r -> Long.parseLong(TestKafka.header(r, "ce_sequence")), Collectors.toList())));
        }, published -> published.size() == subjects.size()
                && published.values().stream().allMatch(sequences -> sequences.size() >= perSubject));
        relayed.forEach((subject, sequences) -> assertThat(sequences).as("relayed in order: " + subject)
                .isSorted()
                .doesNotHaveDuplicates()
                .hasSize(perSubject));
    }

    private Outbox.Staged staged(String subject, long sequence) {
        return new Outbox.Staged(EventCatalog.SHIPMENT_CREATED_V1,
                new ShipmentCreated(subject, UUID.randomUUID().toString(), "northwind", "WH1", "NL",
                        ShipmentCreated.ServiceLevel.STANDARD, Instant.parse("2026-12-05T10:00:00Z")),
                new EventEnvelope(SOURCE, subject, Instant.parse("2026-12-05T10:00:00Z"), "corr-" + subject, "northwind",
                        sequence));
    }

    @Test
    void stageAllWritesABatchInOrderAfterWhatWasStagedBeforeAndItIsRelayedLikeAnyEvent() {
        String subject = UUID.randomUUID().toString();
        List<UUID> ids = new ArrayList<>();
        ids.addAll(OnVertx.await(() -> Panache.withTransaction(() -> stage(subject, 1).chain(first -> {
            List<Outbox.Staged> batch = new ArrayList<>();
            for (long sequence = 2; sequence <= 300; sequence++) {
                batch.add(staged(subject, sequence));
            }
            return outbox.stageAll(batch).map(rest -> {
                List<UUID> all = new ArrayList<>(List.of(first));
                all.addAll(rest);
                return all;
            });
        })), TIMEOUT));

        List<Object[]> rows = rows(List.of(subject));
        assertThat(rows.stream().map(row -> UUID.fromString((String) row[0])).toList())
                .as("the one staged first, then the batch in its order")
                .containsExactlyElementsOf(ids);
        assertThat(rows.stream().map(row -> ((Number) row[2]).longValue())).isSorted().startsWith(1L).endsWith(300L);

        List<ConsumerRecord<String, String>> relayed = await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(1), r -> subject.equals(r.key())),
                        records -> records.size() >= 300);
        assertThat(relayed.stream().map(r -> Long.parseLong(TestKafka.header(r, "ce_sequence")))).as("relayed in order")
                .isSorted()
                .doesNotHaveDuplicates()
                .hasSize(300);
        ConsumerRecord<String, String> last = relayed.getLast();
        assertThat(TestKafka.header(last, "ce_id")).isEqualTo(ids.getLast().toString());
        assertThat(TestKafka.header(last, "ce_type")).isEqualTo(EventCatalog.SHIPMENT_CREATED_V1.type());
        assertThat(TestKafka.header(last, "ce_correlationid")).isEqualTo("corr-" + subject);
        assertThat(last.value()).contains("\"shipmentId\":\"" + subject + "\"");
    }

    @Test
    void aRolledBackStageAllLeavesNoEvent() {
        String subject = UUID.randomUUID().toString();
        assertThatThrownBy(() -> OnVertx.await(() -> Panache.withTransaction(() -> outbox
                .stageAll(List.of(staged(subject, 1), staged(subject, 2)))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed")))), TIMEOUT))
                .hasMessageContaining("the change failed");

        assertThat(rows(List.of(subject))).isEmpty();
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        String subject = UUID.randomUUID().toString();
        assertThatThrownBy(() -> OnVertx.await(() -> Panache.withTransaction(() -> stage(subject, 1)
                .chain(() -> stage(subject, 2))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed")))), TIMEOUT))
                .hasMessageContaining("the change failed");

        assertThat(rows(List.of(subject))).isEmpty();
    }

    @Test
    void anEventWhoseDataIsNotItsTypesIsRefused() {
        assertThatThrownBy(() -> OnVertx.await(() -> Panache.withTransaction(() -> outbox.stage(
                EventCatalog.SHIPMENT_CREATED_V1, "not a shipment",
                new EventEnvelope(SOURCE, "s", Instant.now(), null, null, 1))), TIMEOUT))
                .hasMessageContaining("carries ShipmentCreated, not String");
    }
}

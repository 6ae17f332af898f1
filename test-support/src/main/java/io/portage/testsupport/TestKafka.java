package io.portage.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Kafka helpers for tests, bound to this JVM's test broker. */
public final class TestKafka {

    private TestKafka() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(PortageStackResource.SharedStack.get().bootstrapServers());
    }

    /** Reads {@code topic} from the beginning until a record matching {@code wanted} arrives (or fails after 30 s). */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        try (KafkaCompanion companion = companion()) {
            ConsumerTask<String, String> task = companion.consumeStrings().fromTopics(topic);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    List<ConsumerRecord<String, String>> matching = task.getRecords().stream().filter(wanted).toList();
                    if (!matching.isEmpty()) {
                        return matching.get(0);
                    }
                    Thread.sleep(100);
                }
                throw new AssertionError("No matching record on " + topic + " within 30 s; saw " + task.count() + " records");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                task.stop();
            }
        }
    }

    /** Records on {@code topic} matching {@code wanted}, read from the beginning for {@code window}. */
    public static List<ConsumerRecord<String, String>> recordsWithin(String topic, Duration window,
            Predicate<ConsumerRecord<String, String>> wanted) {
        try (KafkaCompanion companion = companion()) {
            ConsumerTask<String, String> task = companion.consumeStrings().fromTopics(topic);
            try {
                Thread.sleep(window.toMillis());
                return task.getRecords().stream().filter(wanted).toList();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                task.stop();
            }
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

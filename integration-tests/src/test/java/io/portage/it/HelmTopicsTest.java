package io.portage.it;

import static io.portage.it.HelmRender.CHECKOUT;
import static io.portage.it.HelmRender.of;
import static io.portage.it.HelmRender.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.portage.contracts.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.topic.KafkaTopicSpec;

/**
 * The Strimzi KafkaTopic resources: exactly the contracts' topics ({@link Topics#ALL}) and the dead-letter topic
 * ({@link Topics#deadLetters}) of each service that has one in its settings, with the partitions, replicas and
 * retention the values give. Each is read into Strimzi's typed KafkaTopic (io.strimzi:api), where a field the CRD does
 * not define fails HelmRender.
 */
class HelmTopicsTest {

    private static final List<String> SERVICES = List.of("gateway", "order-service", "yard-service",
            "shipment-service", "finance-service", "edi-gateway");

    @Test
    void noTopicsUnlessAskedFor() {
        assertThat(of(render(template -> template), KafkaTopic.class)).isEmpty();
    }

    @Test
    void theTopicsAreTheContractsOnesAndEachConsumersDeadLetters() throws IOException {
        List<KafkaTopic> topics = of(render(template -> template.set("kafkaTopics.enabled", "true")),
                KafkaTopic.class);
        Map<String, KafkaTopic> byName = new TreeMap<>();
        topics.forEach(topic -> byName.put(topic.getMetadata().getName(), topic));
        assertThat(byName).hasSameSizeAs(topics);

        Set<String> domain = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        byName.forEach((name, topic) -> (topic.getMetadata().getLabels().containsKey("portage.io/dead-letters-of")
                ? deadLetters
                : domain).add(name));
        assertThat(domain).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(deadLetters).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(deadLetterConsumers().stream().map(Topics::deadLetters).toList());

        for (String name : domain) {
            KafkaTopicSpec spec = byName.get(name).getSpec();
            assertThat(spec.getPartitions()).isEqualTo(Topics.PARTITIONS);
            assertThat(spec.getReplicas()).isEqualTo(3);
            assertThat(spec.getTopicName()).isEqualTo(name);
        }
        for (KafkaTopic topic : topics) {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "portage");
            assertThat(topic.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            assertThat(config(topic)).containsEntry("min.insync.replicas", "2");
        }
    }

    @Test
    void aFieldTheKafkaTopicCrdDoesNotDefineIsCaught() throws IOException {
        KafkaTopic misspelt = HelmRender.YAML.readValue("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: portage.orders
                spec:
                  partitions: 3
                  replica: 3
                """, KafkaTopic.class);
        assertThat(HelmRender.unknownFields(misspelt, "KafkaTopic")).isNotEmpty()
                .allSatisfy(found -> assertThat(found).contains("[replica]"));
    }

    @Test
    void everyTopicAServiceReadsIsACanonicalOne() throws IOException {
        for (String service : SERVICES) {
            Properties settings = settings(service);
            for (String key : settings.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && (key.endsWith(".topic") || key.endsWith(".topics"))) {
                    assertThat(Topics.ALL).as("%s %s", service, key)
                            .containsAll(List.of(settings.getProperty(key).split(",")));
                }
            }
        }
    }

    @Test
    void partitionsReplicasAndRetentionComeFromTheValues() {
        List<KafkaTopic> topics = of(render(template -> template.set("kafkaTopics.enabled", "true")
                .set("kafkaTopics.cluster", "logistics-kafka")
                .set("kafkaTopics.namespace", "kafka")
                .set("kafkaTopics.replicas", "5")
                .set("kafkaTopics.domain.partitions", "12")
                .set("kafkaTopics.domain.retentionMs", "86400000")
                .set("kafkaTopics.deadLetters.retentionMs", "-1")), KafkaTopic.class);

        for (KafkaTopic topic : topics) {
            boolean deadLetters = topic.getMetadata().getLabels().containsKey("portage.io/dead-letters-of");
            assertThat(topic.getMetadata().getNamespace()).isEqualTo("kafka");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "logistics-kafka");
            assertThat(topic.getSpec().getReplicas()).isEqualTo(5);
            assertThat(topic.getSpec().getPartitions()).isEqualTo(deadLetters ? 1 : 12);
            assertThat(config(topic)).containsEntry("retention.ms", deadLetters ? "-1" : "86400000");
        }
    }

    /** The services whose settings name a dead-letter topic; each must name its own, Topics.deadLetters(service). */
    private static Set<String> deadLetterConsumers() throws IOException {
        Set<String> consumers = new TreeSet<>();
        for (String service : SERVICES) {
            Properties settings = settings(service);
            for (String key : settings.stringPropertyNames()) {
                String value = settings.getProperty(key);
                if (key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic") && value.startsWith("portage.dlq.")) {
                    assertThat(value).as("%s %s", service, key).isEqualTo(Topics.deadLetters(service));
                    consumers.add(service);
                }
            }
        }
        return consumers;
    }

    private static Properties settings(String service) throws IOException {
        Properties settings = new Properties();
        Path file = CHECKOUT.resolve(service + "/src/main/resources/application.properties");
        try (Reader in = Files.newBufferedReader(file)) {
            settings.load(in);
        }
        return settings;
    }

    private static Map<String, Object> config(KafkaTopic topic) {
        return topic.getSpec().getConfig();
    }
}

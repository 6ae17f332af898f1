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

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.portage.contracts.Topics;

/**
 * The Strimzi KafkaTopic resources: exactly the contracts' topics ({@link Topics#ALL}) and the dead-letter topic
 * ({@link Topics#deadLetters}) of each service that has one in its settings, with the partitions, replicas and
 * retention the values give. No Strimzi model is on the build's classpath: the fields are checked against the
 * KafkaTopic v1beta2 CRD's spec (topicName, partitions, replicas, config) here.
 */
class HelmTopicsTest {

    private static final Set<String> SPEC_FIELDS = Set.of("topicName", "partitions", "replicas", "config");
    private static final List<String> SERVICES = List.of("gateway", "order-service", "yard-service",
            "shipment-service", "finance-service");

    @Test
    void noTopicsUnlessAskedFor() {
        assertThat(of(render(template -> template), "KafkaTopic")).isEmpty();
    }

    @Test
    void theTopicsAreTheContractsOnesAndEachConsumersDeadLetters() throws IOException {
        List<GenericKubernetesResource> topics = of(render(template -> template.set("kafkaTopics.enabled", "true")),
                "KafkaTopic");
        Map<String, GenericKubernetesResource> byName = new TreeMap<>();
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
            assertThat(spec(byName.get(name))).containsEntry("partitions", Topics.PARTITIONS)
                    .containsEntry("replicas", 3)
                    .containsEntry("topicName", name);
        }
        for (GenericKubernetesResource topic : topics) {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(spec(topic).keySet()).as("spec of %s", topic.getMetadata().getName()).isSubsetOf(SPEC_FIELDS);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "portage");
            assertThat(topic.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            assertThat(config(topic)).containsEntry("min.insync.replicas", "2");
        }
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
        List<GenericKubernetesResource> topics = of(render(template -> template.set("kafkaTopics.enabled", "true")
                .set("kafkaTopics.cluster", "logistics-kafka")
                .set("kafkaTopics.namespace", "kafka")
                .set("kafkaTopics.replicas", "5")
                .set("kafkaTopics.domain.partitions", "12")
                .set("kafkaTopics.domain.retentionMs", "86400000")
                .set("kafkaTopics.deadLetters.retentionMs", "-1")), "KafkaTopic");

        for (GenericKubernetesResource topic : topics) {
            boolean deadLetters = topic.getMetadata().getLabels().containsKey("portage.io/dead-letters-of");
            assertThat(topic.getMetadata().getNamespace()).isEqualTo("kafka");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "logistics-kafka");
            assertThat(spec(topic)).containsEntry("replicas", 5).containsEntry("partitions", deadLetters ? 1 : 12);
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource topic) {
        return (Map<String, Object>) topic.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(GenericKubernetesResource topic) {
        return (Map<String, Object>) spec(topic).get("config");
    }
}

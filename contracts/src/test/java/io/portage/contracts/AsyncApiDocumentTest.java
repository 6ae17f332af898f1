package io.portage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code docs/asyncapi.yaml} describes exactly the catalogue: a channel per topic and for the dead letters, every
 * catalogued type as a message on its topic's channel with its schema as payload, sent by the topic's producer, and no
 * type the catalogue does not have.
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = checkoutRoot();
    private static final String TEXT = read(ROOT.resolve("docs/asyncapi.yaml"));
    private static final JsonNode DOC = parse(TEXT);
    private static final String TRAIT = "#/components/messageTraits/cloudEvent";
    private static final Pattern TYPE_NAME = Pattern.compile("io\\.portage(\\.[a-z][a-z-]*)+\\.v[0-9]+");

    /**
     * Who may publish on each topic (live or planned), as the operation ids name them: one service per topic, and
     * edi-gateway for what 3PLs and EDI-only carriers report in X12 (each type still has exactly one producer).
     */
    private static final Map<String, List<String>> PRODUCERS = Map.of(
            Topics.ORDERS, List.of("order-service"),
            Topics.YARD, List.of("yard-service"),
            Topics.SHIPMENTS, List.of("shipment-service", "edi-gateway"),
            Topics.FINANCE, List.of("finance-service"),
            Topics.WAREHOUSE, List.of("gateway", "edi-gateway"),
            Topics.ERP, List.of("order-service"));

    @Test
    void isAnAsyncApi3DocumentWithAKafkaServer() {
        assertThat(DOC.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(DOC.path("defaultContentType").asText()).isEqualTo("application/json");
        assertThat(DOC.path("servers").size()).isPositive();
        DOC.path("servers").forEach(server -> {
            assertThat(server.path("protocol").asText()).isEqualTo("kafka");
            assertThat(server.path("host").asText()).isNotBlank();
        });
    }

    @Test
    void everyTopicHasOneChannelAndThereIsNoOtherChannel() {
        for (String topic : Topics.ALL) {
            List<String> channels = channelsWithAddress(topic);
            assertThat(channels).as("channels for " + topic).hasSize(1);
            JsonNode binding = DOC.path("channels").path(channels.get(0)).path("bindings").path("kafka");
            assertThat(binding.path("topic").asText()).as(topic).isEqualTo(topic);
            assertThat(binding.path("partitions").asInt()).as(topic).isEqualTo(Topics.PARTITIONS);
        }
        String deadLetters = Topics.deadLetters("{service}");
        DOC.path("channels")
                .properties()
                .forEach(channel -> assertThat(channel.getValue().path("address").asText())
                        .as("channel " + channel.getKey())
                        .isIn(concat(Topics.ALL, deadLetters)));
    }

    @Test
    void theDeadLetterChannelTakesTheServiceAsAParameter() {
        List<String> channels = channelsWithAddress(Topics.deadLetters("{service}"));
        assertThat(channels).hasSize(1);
        JsonNode channel = DOC.path("channels").path(channels.get(0));
        assertThat(channel.path("parameters").has("service")).isTrue();
        assertThat(channel.path("parameters").path("service").path("examples").get(0).asText()).isEqualTo("shipment-service");
    }

    @Test
    void everyCataloguedTypeIsAMessageOnItsTopicsChannelWithItsSchema() {
        for (EventType type : EventCatalog.all()) {
            JsonNode message = DOC.path("components").path("messages").path(type.type());
            assertThat(message.isObject()).as(type.type() + " in components.messages").isTrue();
            assertThat(message.path("name").asText()).as(type.type()).isEqualTo(type.type());
            assertThat(message.path("contentType").asText()).as(type.type()).isEqualTo("application/json");
            assertThat(message.path("traits").findValuesAsText("$ref")).as(type.type()).containsExactly(TRAIT);
            assertThat(message.path("payload").path("schemaFormat").asText()).as(type.type())
                    .isEqualTo("application/schema+json;version=draft-2020-12");
            String schema = message.path("payload").path("schema").path("$ref").asText();
            assertThat(schema).as(type.type()).isEqualTo("../contracts/src/main/resources/schemas/" + type.type() + ".json");
            assertThat(ROOT.resolve("docs").resolve(schema).normalize()).as(type.type()).isRegularFile();
            assertThat(message.path("tags").findValuesAsText("name")).as(type.type() + " tagged live or planned")
                    .hasSize(1)
                    .containsAnyOf("live", "planned");

            List<String> channels = new ArrayList<>();
            DOC.path("channels").properties().forEach(channel -> {
                if (channel.getValue().path("messages").has(type.type())) {
                    channels.add(channel.getValue().path("address").asText());
                }
            });
            assertThat(channels).as(type.type() + " is on its topic's channel only").containsExactly(type.topic());
        }
    }

    @Test
    void theDocumentNamesNoTypeTheCatalogueDoesNotHave() {
        Set<String> named = new TreeSet<>();
        Matcher matcher = TYPE_NAME.matcher(TEXT);
        while (matcher.find()) {
            named.add(matcher.group());
        }
        assertThat(named).as("type names in docs/asyncapi.yaml")
                .isNotEmpty()
                .allSatisfy(type -> assertThat(EventCatalog.byType(type)).as(type + " is catalogued").isPresent());
        DOC.path("components").path("messages").properties().forEach(message -> {
            if (!message.getKey().equals("deadLetter")) {
                assertThat(EventCatalog.byType(message.getKey())).as("message " + message.getKey()).isPresent();
            }
        });
    }

    @Test
    void everyTypeIsSentByItsTopicsProducerAndOperationsUseTheirChannelsMessages() {
        Map<String, List<String>> sentBy = new java.util.HashMap<>();
        DOC.path("operations").properties().forEach(entry -> {
            String id = entry.getKey();
            JsonNode operation = entry.getValue();
            assertThat(operation.path("action").asText()).as(id).isIn("send", "receive");
            String channelRef = operation.path("channel").path("$ref").asText();
            assertThat(resolve(channelRef).isObject()).as(id + " channel " + channelRef).isTrue();
            for (JsonNode ref : operation.path("messages")) {
                String messageRef = ref.path("$ref").asText();
                assertThat(messageRef).as(id).startsWith(channelRef + "/messages/");
                assertThat(resolve(messageRef).isObject()).as(id + " " + messageRef).isTrue();
                if (operation.path("action").asText().equals("send")) {
                    String type = messageRef.substring(messageRef.lastIndexOf('/') + 1);
                    sentBy.computeIfAbsent(type, key -> new ArrayList<>()).add(id);
                }
            }
        });
        for (EventType type : EventCatalog.all()) {
            assertThat(sentBy.get(type.type())).as(type.type() + " is sent by one operation").hasSize(1);
            String operation = sentBy.get(type.type()).get(0);
            assertThat(PRODUCERS.get(type.topic())).as(type.type() + " producer " + operation)
                    .anyMatch(producer -> operation.startsWith(producer + ".send."));
        }
    }

    @Test
    void everyInternalReferenceResolves() {
        List<String> refs = DOC.findValuesAsText("$ref");
        assertThat(refs).hasSizeGreaterThan(EventCatalog.all().size());
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(ROOT.resolve("docs").resolve(ref).normalize()).as(ref).isRegularFile();
            }
        }
    }

    @Test
    void theCloudEventTraitDescribesEveryAttributeHeader() {
        JsonNode headers = resolve(TRAIT).path("headers");
        List<String> expected = List.of("ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time", "ce_subject",
                "ce_dataschema", "ce_" + CloudEventAttributes.CORRELATION_ID, "ce_" + CloudEventAttributes.CAUSATION_ID,
                "ce_" + CloudEventAttributes.PARTNER_ID, "ce_" + CloudEventAttributes.SEQUENCE);
        assertThat(headers.path("properties").has("content-type")).isTrue();
        for (String header : expected) {
            assertThat(headers.path("properties").path(header).path("description").asText()).as(header).isNotBlank();
        }
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(name -> required.add(name.asText()));
        assertThat(required).contains("ce_id", "ce_type", "ce_subject", "ce_" + CloudEventAttributes.SEQUENCE);
        assertThat(expected).containsAll(required);
        Pattern typePattern = Pattern.compile(headers.path("properties").path("ce_type").path("pattern").asText());
        assertThat(EventCatalog.all()).allSatisfy(type -> assertThat(typePattern.matcher(type.type()).matches())
                .as(type.type())
                .isTrue());
        assertThat(resolve(TRAIT).path("bindings").path("kafka").path("key").isObject()).isTrue();
    }

    private static List<String> channelsWithAddress(String address) {
        List<String> channels = new ArrayList<>();
        DOC.path("channels").properties().forEach(channel -> {
            if (channel.getValue().path("address").asText().equals(address)) {
                channels.add(channel.getKey());
            }
        });
        return channels;
    }

    private static JsonNode resolve(String ref) {
        return DOC.at(ref.substring(1));
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** The checkout: the nearest folder, from the working directory up, that holds both docs/ and contracts/. */
    private static Path checkoutRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("contracts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No folder with docs/ and contracts/ above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

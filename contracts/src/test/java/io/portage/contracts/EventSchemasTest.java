package io.portage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.portage.contracts.order.OrderReceived;
import io.portage.contracts.yard.AppointmentBooked;

class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One realistic instance per catalogued type; the test fails when a type is added without one. */
    private static final Map<EventType, Object> SAMPLES = Map.of(
            EventCatalog.ORDER_RECEIVED_V1, new OrderReceived(UUID.randomUUID().toString(), "northwind-shop", "NW-10042",
                    "northwind", "WH1",
                    new OrderReceived.Customer("Ada Lovelace", "ada@example.com",
                            new OrderReceived.Address("12 Dock Road", "Rotterdam", "3011 AA", "NL")),
                    List.of(new OrderReceived.Line("SKU-CHAIR-01", new BigDecimal("2")),
                            new OrderReceived.Line("SKU-DESK-07", new BigDecimal("1.5"))),
                    Instant.parse("2026-11-23T08:15:30Z")),
            EventCatalog.APPOINTMENT_BOOKED_V1, new AppointmentBooked(UUID.randomUUID().toString(), "WH1", "D04", "INBOUND",
                    "Swift Freight", "PO-88121", "swift", Instant.parse("2026-11-24T07:00:00Z"),
                    Instant.parse("2026-11-24T08:00:00Z"), Instant.parse("2026-11-23T09:12:00Z")));

    @Test
    void everyCataloguedTypeHasASchemaAndASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.all());
        for (EventType type : EventCatalog.all()) {
            JsonNode schema = schemaNode(type);
            assertThat(schema.path("$id").asText()).isEqualTo(type.dataschema().toString());
        }
    }

    @Test
    void everyRecordRoundTripsThroughItsSchema() throws Exception {
        for (Map.Entry<EventType, Object> sample : SAMPLES.entrySet()) {
            JsonNode json = JSON.valueToTree(sample.getValue());
            assertThat(errors(sample.getKey(), json)).as(sample.getKey().type()).isEmpty();
            Object back = JSON.treeToValue(json, sample.getKey().dataClass());
            assertThat(back).isEqualTo(sample.getValue());
        }
    }

    @Test
    void schemaRejectsWhatTheRecordWouldNeverProduce() {
        ObjectNode order = JSON.valueToTree(SAMPLES.get(EventCatalog.ORDER_RECEIVED_V1));
        ObjectNode unknownField = order.deepCopy().put("discount", 10);
        ObjectNode noLines = order.deepCopy();
        noLines.putArray("lines");
        ObjectNode zeroQuantity = order.deepCopy();
        ((ObjectNode) zeroQuantity.withArray("lines").get(0)).put("quantity", 0);
        ObjectNode badCountry = order.deepCopy();
        ((ObjectNode) badCountry.with("customer").with("address")).put("country", "Netherlands");

        assertThat(errors(EventCatalog.ORDER_RECEIVED_V1, unknownField)).anyMatch(m -> m.getMessage().contains("discount"));
        assertThat(errors(EventCatalog.ORDER_RECEIVED_V1, noLines)).anyMatch(m -> m.getInstanceLocation()
                .toString()
                .contains("lines"));
        assertThat(errors(EventCatalog.ORDER_RECEIVED_V1, zeroQuantity)).anyMatch(m -> m.getInstanceLocation()
                .toString()
                .contains("quantity"));
        assertThat(errors(EventCatalog.ORDER_RECEIVED_V1, badCountry)).anyMatch(m -> m.getInstanceLocation()
                .toString()
                .contains("country"));
    }

    @Test
    void typesAreVersionedAndRouted() {
        assertThat(EventCatalog.ORDER_RECEIVED_V1.version()).isEqualTo(1);
        assertThat(EventCatalog.ORDER_RECEIVED_V1.topic()).isEqualTo(Topics.ORDERS);
        assertThat(EventCatalog.byType("io.portage.order.received.v1")).contains(EventCatalog.ORDER_RECEIVED_V1);
        assertThat(EventCatalog.byType("io.portage.order.received.v9")).isEmpty();
    }

    private static Set<ValidationMessage> errors(EventType type, JsonNode instance) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode(type), config);
        return schema.validate(instance);
    }

    private static JsonNode schemaNode(EventType type) {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema " + type.schemaResource()).isNotNull();
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

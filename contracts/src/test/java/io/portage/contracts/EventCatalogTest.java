package io.portage.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.portage.contracts.order.OrderReceived;

/** The catalogue: every type routed to a provisioned topic, listed once in a stable order, versioned by its name. */
class EventCatalogTest {

    @Test
    void everyTypeTravelsOnAProvisionedTopic() {
        assertThat(EventCatalog.all()).allSatisfy(type -> assertThat(Topics.ALL).as(type.type()).contains(type.topic()));
        assertThat(Topics.ALL).contains(Topics.WAREHOUSE).doesNotHaveDuplicates();
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(EventCatalog.all()).as(topic)
                .anyMatch(type -> type.topic().equals(topic)));
        assertThat(Topics.deadLetters("shipment-service")).isEqualTo("portage.dlq.shipment-service");
    }

    @Test
    void theCatalogueListsEachTypeOnceByTopicThenName() {
        List<EventType> all = EventCatalog.all();
        assertThat(all).hasSize(51);
        assertThat(all.stream().map(EventType::type)).doesNotHaveDuplicates();
        assertThat(all.stream().map(EventType::dataClass)).doesNotHaveDuplicates();
        assertThat(all).isSortedAccordingTo(Comparator.comparingInt((EventType type) -> Topics.ALL.indexOf(type.topic()))
                .thenComparing(EventType::type));
        assertThat(all).allSatisfy(type -> assertThat(EventCatalog.byType(type.type())).contains(type));
    }

    @Test
    void theAggregateInTheNameMatchesThePackageAndTheTopic() {
        Map<String, String> topicOfAggregate = Map.of("order", Topics.ORDERS, "yard", Topics.YARD, "warehouse",
                Topics.WAREHOUSE, "shipment", Topics.SHIPMENTS, "finance", Topics.FINANCE, "erp", Topics.ERP);
        for (EventType type : EventCatalog.all()) {
            String aggregate = type.type().split("\\.")[2];
            assertThat(type.dataClass().getPackageName()).as(type.type()).isEqualTo("io.portage.contracts." + aggregate);
            assertThat(type.topic()).as(type.type()).isEqualTo(topicOfAggregate.get(aggregate));
        }
    }

    @Test
    void typesAreVersionedAndRouted() {
        assertThat(EventCatalog.ORDER_RECEIVED_V1.version()).isEqualTo(1);
        assertThat(EventCatalog.ORDER_RECEIVED_V1.topic()).isEqualTo(Topics.ORDERS);
        assertThat(EventCatalog.byType("io.portage.order.received.v1")).contains(EventCatalog.ORDER_RECEIVED_V1);
        assertThat(EventCatalog.byType("io.portage.order.received.v9")).isEmpty();
        for (EventType type : EventCatalog.all()) {
            assertThat(type.type()).as(type.type()).endsWith(".v" + type.version());
            assertThat(type.schemaResource()).isEqualTo("/schemas/" + type.type() + ".json");
            assertThat(type.dataschema()).hasToString(EventType.SCHEMA_BASE + type.type() + ".json");
        }
    }

    @Test
    void aNewVersionIsASeparateType() {
        EventType v1 = EventCatalog.ORDER_RECEIVED_V1;
        EventType v2 = new EventType("io.portage.order.received.v2", OrderReceived.class, Topics.ORDERS);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.schemaResource()).isNotEqualTo(v1.schemaResource());
        assertThat(v2.dataschema()).isNotEqualTo(v1.dataschema());
        assertThat(EventCatalog.byType(v2.type())).as("not catalogued, so v1 stays what consumers read").isEmpty();
        assertThat(new EventType("io.portage.order.received.v12", OrderReceived.class, Topics.ORDERS).version())
                .isEqualTo(12);
    }

    @Test
    void versionsOfOneFactShareTheirTopicAndNeverRepeat() {
        Map<String, List<EventType>> byFact = EventCatalog.all()
                .stream()
                .collect(Collectors.groupingBy(type -> type.type().substring(0, type.type().lastIndexOf(".v"))));
        byFact.forEach((fact, versions) -> {
            assertThat(versions.stream().map(EventType::topic).distinct()).as(fact).hasSize(1);
            assertThat(versions.stream().map(EventType::version)).as(fact).doesNotHaveDuplicates();
        });
    }

    @Test
    void typeNamesWithoutAVersionOrOutsidePortageAreRefused() {
        for (String bad : List.of("io.portage.order.received", "io.portage.order.received.v0", "io.portage.Order.received.v1",
                "com.example.order.received.v1", "io.portage.order.received.v1.json")) {
            assertThatThrownBy(() -> new EventType(bad, OrderReceived.class, Topics.ORDERS)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

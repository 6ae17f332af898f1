package io.portage.edi;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.TestKafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** shipment-service's facts about a shipment on {@code portage.shipments} and the warehouse's packs, as published. */
final class ShipmentFacts {

    private ShipmentFacts() {
    }

    /** ShipmentCreated (sequence 1) for the order of {@code customer}. */
    static void created(String shipmentId, String orderId, String customer) {
        send(record(Topics.SHIPMENTS, UUID.randomUUID().toString(), EventCatalog.SHIPMENT_CREATED_V1.type(), shipmentId,
                """
                        {"shipmentId":"%s","orderId":"%s","partnerId":"%s","warehouse":"WH1","destinationCountry":"NL",
                         "serviceLevel":"STANDARD","createdAt":"2026-12-05T09:00:00Z"}
                        """.formatted(shipmentId, orderId, customer), 1));
    }

    /** A ShipmentDispatched record (send it as often as a duplicate needs). */
    static ProducerRecord<String, String> dispatched(String eventId, String shipmentId, String tracking, long sequence) {
        return record(Topics.SHIPMENTS, eventId, EventCatalog.SHIPMENT_DISPATCHED_V1.type(), shipmentId, """
                {"shipmentId":"%s","carrier":"dhl","trackingNumber":"%s","appointmentId":null,"parcels":2,
                 "dispatchedAt":"2026-12-05T14:30:00Z"}
                """.formatted(shipmentId, tracking), sequence);
    }

    /** PackConfirmed for an order packed into two parcels: the chairs in the first, the desk in the second. */
    static void packed(String orderId, String firstSscc, String secondSscc) {
        send(record(Topics.WAREHOUSE, UUID.randomUUID().toString(), EventCatalog.PACK_CONFIRMED_V1.type(), orderId, """
                {"orderId":"%s","site":"WH1","parcels":[
                  {"sscc":"%s","weightKg":12.5,"lines":[{"sku":"SKU-CHAIR-01","quantity":2}]},
                  {"sscc":"%s","weightKg":30,"lines":[{"sku":"SKU-DESK-07","quantity":1.5}]}],
                 "confirmedAt":"2026-12-05T13:00:00Z"}
                """.formatted(orderId, firstSscc, secondSscc), 1));
    }

    @SafeVarargs
    static void send(ProducerRecord<String, String>... records) {
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private static ProducerRecord<String, String> record(String topic, String eventId, String type, String subject,
            String json, long sequence) {
        return CloudEventRecords.binary(topic, eventId, type, subject, json,
                Map.of("correlationid", "corr-" + subject, "sequence", Long.toString(sequence)));
    }
}

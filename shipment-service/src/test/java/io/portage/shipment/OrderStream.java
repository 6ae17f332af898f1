package io.portage.shipment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.TestKafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** One order's events on {@code portage.orders} as order-service publishes them: received 1, accepted 2, released 3, cancelled 4. */
record OrderStream(String orderId) {

    static OrderStream random() {
        return new OrderStream(UUID.randomUUID().toString());
    }

    static String receivedJson(String orderId) {
        return """
                {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"northwind","warehouse":"WH1",
                 "customer":{"name":"Ada Lovelace","email":"ada@example.com",
                   "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
                 "lines":[{"sku":"SKU-CHAIR-01","quantity":2},{"sku":"SKU-DESK-07","quantity":1.5}],
                 "receivedAt":"2026-11-23T08:15:30Z"}
                """.formatted(orderId, orderId);
    }

    static String releasedJson(String orderId) {
        return """
                {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"northwind","warehouse":"WH1",
                 "fulfiller":{"type":"THIRD_PARTY","id":"3pl-rotterdam"},
                 "shipTo":{"name":"Ada Lovelace","email":"ada@example.com",
                   "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
                 "lines":[{"lineNumber":1,"sku":"SKU-CHAIR-01","channelSku":"NW-CHAIR","quantity":2},
                          {"lineNumber":2,"sku":"SKU-DESK-07","channelSku":"NW-DESK","quantity":1.5}],
                 "erp":{"erpRef":"sale.order/990042","name":"S990042","pickingIds":[990077]},
                 "shipBy":"2026-11-24T16:00:00Z","releasedAt":"2026-11-23T09:00:00Z"}
                """.formatted(orderId, orderId);
    }

    static String cancelledJson(String orderId) {
        return """
                {"orderId":"%s","partnerId":"northwind","reasonCode":"CUSTOMER_REQUEST","reason":"changed my mind",
                 "cancelledBy":{"type":"CUSTOMER","id":"ada"},"cancelledAt":"2026-11-23T10:00:00Z"}
                """.formatted(orderId);
    }

    ProducerRecord<String, String> received() {
        return record(EventCatalog.ORDER_RECEIVED_V1.type(), 1, receivedJson(orderId));
    }

    ProducerRecord<String, String> accepted() {
        return record(EventCatalog.ORDER_ACCEPTED_V1.type(), 2,
                "{\"orderId\":\"" + orderId + "\",\"partnerId\":\"northwind\",\"acceptedAt\":\"2026-11-23T08:16:00Z\"}");
    }

    ProducerRecord<String, String> released() {
        return record(EventCatalog.ORDER_RELEASED_V2.type(), 3, releasedJson(orderId));
    }

    ProducerRecord<String, String> cancelled(long sequence) {
        return record(EventCatalog.ORDER_CANCELLED_V1.type(), sequence, cancelledJson(orderId));
    }

    ProducerRecord<String, String> record(String type, long sequence, String json) {
        return record(UUID.randomUUID().toString(), type, sequence, json);
    }

    ProducerRecord<String, String> record(String eventId, String type, long sequence, String json) {
        return CloudEventRecords.binary(Topics.ORDERS, eventId, type, orderId, json,
                Map.of("correlationid", "corr-" + orderId, "partnerid", "northwind", "sequence", Long.toString(sequence)));
    }

    /** Received, accepted and released, in order. */
    OrderStream releasedInOrder() {
        produce(received(), accepted(), released());
        return this;
    }

    @SafeVarargs
    static void produce(ProducerRecord<String, String>... records) {
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
        }
    }
}

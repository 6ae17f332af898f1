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

/** Orders released to a fulfiller on {@code portage.orders}, as order-service publishes them. */
final class ReleasedOrders {

    private ReleasedOrders() {
    }

    /** Releases a new order of northwind named {@code erpName} in Odoo to the 3PL {@code fulfiller}; answers its order id. */
    static String release(String fulfiller, String erpName) {
        return release("northwind", "THIRD_PARTY", fulfiller, erpName, UUID.randomUUID().toString());
    }

    /** Releases a new order of {@code customer} named {@code erpName} in Odoo to Portage's warehouse WH1. */
    static String releaseToWarehouse(String customer, String erpName) {
        return releaseToWarehouse(customer, erpName, UUID.randomUUID().toString());
    }

    /** Releases order {@code orderId} of {@code customer} to Portage's warehouse WH1. */
    static String releaseToWarehouse(String customer, String erpName, String orderId) {
        return release(customer, "WAREHOUSE", "WH1", erpName, orderId);
    }

    private static String release(String customer, String fulfillerType, String fulfiller, String erpName,
            String orderId) {
        String json = """
                {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"%s","warehouse":"WH1",
                 "fulfiller":{"type":"%s","id":"%s"},
                 "shipTo":{"name":"Ada Lovelace","email":"ada@example.com",
                   "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
                 "lines":[{"lineNumber":1,"sku":"SKU-CHAIR-01","channelSku":"NW-CHAIR","quantity":2},
                          {"lineNumber":2,"sku":"SKU-DESK-07","channelSku":"NW-DESK","quantity":1.5}],
                 "erp":{"erpRef":"sale.order/42","name":"%s","pickingIds":[77]},
                 "shipBy":"2026-11-24T16:00:00Z","releasedAt":"2026-11-23T09:00:00Z"}
                """.formatted(orderId, erpName, customer, fulfillerType, fulfiller, erpName);
        ProducerRecord<String, String> released = CloudEventRecords.binary(Topics.ORDERS, UUID.randomUUID().toString(),
                EventCatalog.ORDER_RELEASED_V2.type(), orderId, json,
                Map.of("correlationid", "corr-" + orderId, "partnerid", customer, "sequence", "3"));
        ProducerRecord<String, String> received = CloudEventRecords.binary(Topics.ORDERS, UUID.randomUUID().toString(),
                EventCatalog.ORDER_RECEIVED_V1.type(), orderId, "{}",
                Map.of("correlationid", "corr-" + orderId, "partnerid", "northwind", "sequence", "1"));
        ProducerRecord<String, String> accepted = CloudEventRecords.binary(Topics.ORDERS, UUID.randomUUID().toString(),
                EventCatalog.ORDER_ACCEPTED_V1.type(), orderId, "{}",
                Map.of("correlationid", "corr-" + orderId, "partnerid", "northwind", "sequence", "2"));
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(received, accepted, released).awaitCompletion(Duration.ofSeconds(30));
        }
        return orderId;
    }
}

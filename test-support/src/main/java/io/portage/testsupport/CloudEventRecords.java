package io.portage.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Builds Kafka records in CloudEvents binary mode ({@code ce_*} headers), as Portage's producers write them. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /**
     * A record on {@code topic} keyed by {@code subject}, carrying {@code json} as data; {@code extensions} become
     * further {@code ce_} headers (correlationid, partnerid, sequence).
     */
    public static ProducerRecord<String, String> binary(String topic, String id, String type, String subject, String json,
            Map<String, String> extensions) {
        List<Header> headers = new ArrayList<>();
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", id));
        headers.add(header("ce_type", type));
        headers.add(header("ce_source", "urn:portage:test"));
        headers.add(header("ce_subject", subject));
        headers.add(header("content-type", "application/json"));
        extensions.forEach((name, value) -> headers.add(header("ce_" + name, value)));
        return new ProducerRecord<>(topic, null, subject, json, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

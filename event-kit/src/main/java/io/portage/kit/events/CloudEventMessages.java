package io.portage.kit.events;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Builds outgoing Kafka messages in the canonical envelope: CloudEvents attributes (binary mode on the wire), the
 * Portage extensions, and the aggregate id as both {@code subject} and Kafka key, so one aggregate stays in order.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /** Who emits, about which aggregate, in which flow. */
    public record Envelope(URI source, String subject, Instant time, String correlationId, String partnerId, long sequence) {
    }

    public static <T> Message<T> of(EventType type, T data, Envelope envelope) {
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.dataClass().getSimpleName() + ", not "
                    + data.getClass().getSimpleName());
        }
        OutgoingCloudEventMetadataBuilder<T> cloudEvent = OutgoingCloudEventMetadata.<T>builder()
                .withId(UUID.randomUUID().toString())
                .withSource(envelope.source())
                .withType(type.type())
                .withSubject(envelope.subject())
                .withDataSchema(type.dataschema())
                .withDataContentType("application/json")
                .withTimestamp(envelope.time().atZone(ZoneOffset.UTC))
                .withExtension(CloudEventAttributes.SEQUENCE, envelope.sequence());
        if (envelope.correlationId() != null) {
            cloudEvent.withExtension(CloudEventAttributes.CORRELATION_ID, envelope.correlationId());
        }
        if (envelope.partnerId() != null) {
            cloudEvent.withExtension(CloudEventAttributes.PARTNER_ID, envelope.partnerId());
        }
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(envelope.subject())
                .build();
        return Message.of(data).addMetadata(cloudEvent.build()).addMetadata(record);
    }
}

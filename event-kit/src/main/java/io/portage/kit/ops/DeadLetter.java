package io.portage.kit.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Kafka record a consumer could not apply, kept in the service's {@code dead_letter} table with its original headers
 * and payload until an operator replays or discards it. One row per (consumer, topic, partition, offset).
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    /** Where a dead letter stands. */
    public enum Status {
        /** Waits for an operator. */
        OPEN,
        /** Applied by a replay (or found applied already). */
        REPLAYED,
        /** Dropped by an operator, with a reason in the audit trail. */
        DISCARDED
    }

    @Id
    private UUID id;
    private String consumer;
    private String topic;
    @Column(name = "kafka_partition")
    private int partition;
    @Column(name = "kafka_offset")
    private long offset;
    @Column(name = "record_key")
    private String key;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "event_type")
    private String eventType;
    /** The original headers as a JSON object of UTF-8 strings. */
    private String headers;
    private String payload;
    private String reason;
    private int attempts;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "corrected_payload")
    private String correctedPayload;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "resolved_by")
    private String resolvedBy;

    protected DeadLetter() {
    }

    DeadLetter(String consumer, KafkaCoordinates at, String key, String eventId, String eventType, String headers,
            String payload, String reason, int attempts, Instant now) {
        this.id = UUID.randomUUID();
        this.consumer = consumer;
        this.topic = at.topic();
        this.partition = at.partition();
        this.offset = at.offset();
        this.key = key;
        this.eventId = eventId;
        this.eventType = eventType;
        this.headers = headers;
        this.payload = payload;
        this.reason = reason;
        this.attempts = attempts;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A record's place in Kafka. */
    public record KafkaCoordinates(String topic, int partition, long offset) {
    }

    void replayed(String actor, String corrected, Instant now) {
        requireOpen();
        attempts++;
        status = Status.REPLAYED;
        correctedPayload = corrected;
        resolvedBy = actor;
        updatedAt = now;
    }

    void replayFailed(String why, Instant now) {
        requireOpen();
        attempts++;
        reason = why;
        updatedAt = now;
    }

    void discarded(String actor, Instant now) {
        requireOpen();
        status = Status.DISCARDED;
        resolvedBy = actor;
        updatedAt = now;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new IllegalStateException("Dead letter " + id + " is " + status + ", not OPEN");
        }
    }

    public UUID id() {
        return id;
    }

    public String consumer() {
        return consumer;
    }

    public KafkaCoordinates coordinates() {
        return new KafkaCoordinates(topic, partition, offset);
    }

    public String key() {
        return key;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String headers() {
        return headers;
    }

    public String payload() {
        return payload;
    }

    public String reason() {
        return reason;
    }

    public int attempts() {
        return attempts;
    }

    public Status status() {
        return status;
    }

    public String correctedPayload() {
        return correctedPayload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Duration age(Instant now) {
        return Duration.between(createdAt, now);
    }

    /** The headers as a map, for a replayer that needs them (the CloudEvent attributes are there). */
    public Map<String, String> headerMap() {
        return DeadLetters.readHeaders(headers);
    }
}

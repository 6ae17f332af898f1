package io.portage.kit.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event waiting in (or published from) the service's {@code outbox_event} table. Its key here is the event id,
 * assigned when staged, so Hibernate defers the insert to the flush and sends a transaction's events in one JDBC
 * batch; the table's {@code id} (the relay's order) is PostgreSQL's, given in insert order, and never written here.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Column(name = "id", insertable = false, updatable = false)
    private Long id;
    @Id
    @Column(name = "event_id")
    private UUID eventId;
    private String type;
    private String topic;
    private String source;
    private String subject;
    private long sequence;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String payload;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    private int attempts;
    @Column(name = "trace_parent")
    private String traceParent;
    @Column(name = "trace_state")
    private String traceState;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID eventId, String type, String topic, String source, String subject, long sequence, String correlationId,
            String partnerId, Instant occurredAt, String payload, Instant createdAt, Map<String, String> traceContext) {
        this.eventId = eventId;
        this.type = type;
        this.topic = topic;
        this.source = source;
        this.subject = subject;
        this.sequence = sequence;
        this.correlationId = correlationId;
        this.partnerId = partnerId;
        this.occurredAt = occurredAt;
        this.payload = payload;
        this.createdAt = createdAt;
        this.traceParent = traceContext.get(EventTracing.TRACEPARENT);
        this.traceState = traceContext.get(EventTracing.TRACESTATE);
    }

    /** The relay's order; null for an event staged in this session (PostgreSQL gives it at the insert). */
    public Long id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public String source() {
        return source;
    }

    public String subject() {
        return subject;
    }

    public long sequence() {
        return sequence;
    }

    public String correlationId() {
        return correlationId;
    }

    public String partnerId() {
        return partnerId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}

package io.portage.kit.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An event that arrived before its predecessor, waiting in {@code inbox_parked}. */
@Entity
@Table(name = "inbox_parked")
@IdClass(ParkedEvent.Key.class)
public class ParkedEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    private String consumer;
    @Id
    private String subject;
    @Id
    private long sequence;
    @Column(name = "event_id")
    private String eventId;
    private String type;
    private String headers;
    private String payload;
    @Column(name = "parked_at")
    private Instant parkedAt;

    protected ParkedEvent() {
    }

    ParkedEvent(String consumer, SequencedEvent event, Instant now) {
        this.consumer = consumer;
        this.subject = event.subject();
        this.sequence = event.sequence();
        this.eventId = event.eventId();
        this.type = event.type();
        try {
            this.headers = JSON.writeValueAsString(event.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.payload = event.payload();
        this.parkedAt = now;
    }

    SequencedEvent event() {
        try {
            Map<String, String> map = JSON.readValue(headers, new TypeReference<Map<String, String>>() {
            });
            return new SequencedEvent(eventId, type, subject, sequence, map, payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Parked headers are not a JSON object", e);
        }
    }

    public String consumer() {
        return consumer;
    }

    public String subject() {
        return subject;
    }

    public long sequence() {
        return sequence;
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public Instant parkedAt() {
        return parkedAt;
    }

    /** The primary key: consumer, subject and sequence. */
    public static class Key implements Serializable {

        private String consumer;
        private String subject;
        private long sequence;

        public Key() {
        }

        public Key(String consumer, String subject, long sequence) {
            this.consumer = consumer;
            this.subject = subject;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(consumer, key.consumer)
                    && Objects.equals(subject, key.subject) && sequence == key.sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, subject, sequence);
        }
    }
}

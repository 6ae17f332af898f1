package io.portage.kit.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One event a consumer has applied, in the service's {@code inbox_event} table. */
@Entity
@Table(name = "inbox_event")
@IdClass(InboxEntry.Key.class)
public class InboxEntry {

    @Id
    private String consumer;
    @Id
    @Column(name = "event_id")
    private String eventId;
    private String type;
    @Column(name = "applied_at")
    private Instant appliedAt;

    protected InboxEntry() {
    }

    InboxEntry(String consumer, String eventId, String type, Instant appliedAt) {
        this.consumer = consumer;
        this.eventId = eventId;
        this.type = type;
        this.appliedAt = appliedAt;
    }

    public String eventId() {
        return eventId;
    }

    /** The primary key: consumer and event id. */
    public static class Key implements Serializable {

        private String consumer;
        private String eventId;

        public Key() {
        }

        public Key(String consumer, String eventId) {
            this.consumer = consumer;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(consumer, key.consumer) && Objects.equals(eventId, key.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, eventId);
        }
    }
}

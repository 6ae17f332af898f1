package io.portage.kit.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The last sequence a consumer applied for one aggregate, in {@code inbox_position}. */
@Entity
@Table(name = "inbox_position")
@IdClass(InboxPosition.Key.class)
public class InboxPosition {

    @Id
    private String consumer;
    @Id
    private String subject;
    @Column(name = "last_sequence")
    private long lastSequence;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected InboxPosition() {
    }

    InboxPosition(String consumer, String subject, long lastSequence, Instant now) {
        this.consumer = consumer;
        this.subject = subject;
        this.lastSequence = lastSequence;
        this.updatedAt = now;
    }

    String subject() {
        return subject;
    }

    long lastSequence() {
        return lastSequence;
    }

    void advanceTo(long sequence, Instant now) {
        lastSequence = sequence;
        updatedAt = now;
    }

    /** The primary key: consumer and subject. */
    public static class Key implements Serializable {

        private String consumer;
        private String subject;

        public Key() {
        }

        public Key(String consumer, String subject) {
            this.consumer = consumer;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(consumer, key.consumer) && Objects.equals(subject, key.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, subject);
        }
    }
}

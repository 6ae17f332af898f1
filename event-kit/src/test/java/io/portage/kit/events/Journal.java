package io.portage.kit.events;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A test aggregate: the texts of its events, appended in the order they are applied. */
@Entity
@Table(name = "journal")
public class Journal {

    @Id
    String subject;
    String content;

    protected Journal() {
    }

    Journal(String subject) {
        this.subject = subject;
        this.content = "";
    }
}

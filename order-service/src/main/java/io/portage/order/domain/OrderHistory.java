package io.portage.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

/**
 * An order's history ({@code order_history}), oldest first: every change of status and every report recorded without
 * one, with the questions asked of it.
 */
@Embeddable
public class OrderHistory {

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_history", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    private List<HistoryEntry> entries = new ArrayList<>();

    /** The order reached {@code status}. */
    void moved(OrderStatus status, Instant at, String source, String detail) {
        entries.add(new HistoryEntry(status, at, source, detail));
    }

    /** Something recorded about {@code about} without a change of status. */
    void note(OrderStatus about, Instant at, String source, String detail, HistoryEntry.Note note) {
        entries.add(new HistoryEntry(about, at, source, detail, note));
    }

    public List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }

    /** When the order first reached {@code milestone} or was reported there (late reports included); null if never. */
    public Instant reachedAt(OrderStatus milestone) {
        return entries.stream()
                .filter(entry -> entry.status() == milestone && (entry.note() == null || entry.note().reportsMilestone()))
                .map(HistoryEntry::at)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** Whether the order was accepted at some point (its OrderAccepted was published then). */
    public boolean wasAccepted() {
        return entries.stream().anyMatch(entry -> entry.status() == OrderStatus.ACCEPTED);
    }
}

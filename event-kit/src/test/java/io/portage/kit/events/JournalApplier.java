package io.portage.kit.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The test consumer {@value #CONSUMER}: appends each event's text to its journal, once per event (the inbox). */
@ApplicationScoped
public class JournalApplier implements EventApplier {

    static final String CONSUMER = "journal";

    private final Inbox inbox;

    public JournalApplier(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Uni<Void> apply(List<SequencedEvent> ready) {
        return apply(inbox, CONSUMER, ready);
    }

    static Uni<Void> apply(Inbox inbox, String consumer, List<SequencedEvent> ready) {
        return inbox.firstDeliveries(consumer, ready, SequencedEvent::eventId, SequencedEvent::type)
                .chain(fresh -> Multi.createFrom()
                        .iterable(fresh)
                        .onItem()
                        .transformToUniAndConcatenate(JournalApplier::append)
                        .collect()
                        .last())
                .replaceWithVoid();
    }

    static Uni<Void> append(SequencedEvent event) {
        return Panache.getSession()
                .chain(session -> session.find(Journal.class, event.subject())
                        .chain(journal -> journal == null
                                ? session.persist(new Journal(event.subject()))
                                        .chain(() -> session.find(Journal.class, event.subject()))
                                : Uni.createFrom().item(journal))
                        .invoke(journal -> journal.content += event.payload())
                        .replaceWithVoid());
    }
}

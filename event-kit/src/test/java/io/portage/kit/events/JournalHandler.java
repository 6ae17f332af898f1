package io.portage.kit.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The test consumer {@value #CONSUMER} of {@value #TOPIC}: appends each event's text to its journal; the text
 * {@code poison} cannot be read, {@code reject} is rejected, and {@code flaky...} fails to apply twice before it
 * applies.
 */
@ApplicationScoped
public class JournalHandler implements BatchHandler<SequencedEvent> {

    static final String CONSUMER = "journal-kafka";
    static final String TOPIC = "portage.test.journal";

    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public List<SequencedEvent> read(SequencedEvent event) {
        if (event.payload().equals("poison")) {
            throw new IllegalArgumentException("poison is not a text");
        }
        return List.of(event);
    }

    @Override
    public String inboxKey(SequencedEvent event) {
        return event.eventId();
    }

    @Override
    public Uni<Applied<SequencedEvent>> apply(List<SequencedEvent> fresh) {
        List<Rejected<SequencedEvent>> rejected = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SequencedEvent event : fresh) {
            if (event.payload().equals("reject")) {
                rejected.add(new Rejected<>(event, new IllegalStateException("rejected " + event.eventId())));
            } else if (event.payload().startsWith("flaky")
                    && failures.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).getAndIncrement() < 2) {
                return Uni.createFrom().failure(new IllegalStateException("the journal is away"));
            } else {
                chain = chain.chain(() -> JournalApplier.append(event));
            }
        }
        return chain.map(done -> new Applied<>(fresh.size() + " events", List.of(), rejected));
    }
}

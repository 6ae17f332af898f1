package io.portage.kit.events;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.kit.ops.ExceptionQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The bounded wait of the sequencer: an aggregate whose events have waited longer than
 * {@code portage.inbox.max-park} for a predecessor becomes an exception-queue item for operations
 * ({@value #TYPE}). Retrying it accepts the gap and applies the parked events ({@link GapRetrier}); the item is raised
 * once per wait, so discarding it is not undone by the next check.
 */
@ApplicationScoped
public class ParkedEventWatch {

    public static final String TYPE = "event.predecessor-missing";

    private final Sequencer sequencer;
    private final ExceptionQueue exceptions;
    private final InboxConfig config;
    private final Clock clock = Clock.systemUTC();

    public ParkedEventWatch(Sequencer sequencer, ExceptionQueue exceptions, InboxConfig config) {
        this.sequencer = sequencer;
        this.exceptions = exceptions;
        this.config = config;
    }

    /** The business key of a wait: consumer and aggregate. */
    public static String key(String consumer, String subject) {
        return consumer + "|" + subject;
    }

    @Scheduled(every = "${portage.inbox.park-check-interval:30s}", delayed = "${portage.inbox.park-check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> sequencer.overdue(now.minus(config.maxPark()))
                .chain(overdue -> Multi.createFrom()
                        .iterable(overdue)
                        .onItem()
                        .transformToUniAndConcatenate(wait -> exceptions
                                .count("type = ?1 and businessKey = ?2 and createdAt >= ?3", TYPE,
                                        key(wait.consumer(), wait.subject()), wait.since())
                                .chain(raised -> raised > 0
                                        ? Uni.createFrom().voidItem()
                                        : exceptions.raise(TYPE, "ops", key(wait.consumer(), wait.subject()),
                                                "%d event(s) of %s have waited since %s for sequence %d (consumer %s)"
                                                        .formatted(wait.count(), wait.subject(), wait.since(),
                                                                wait.firstParked() - 1, wait.consumer()),
                                                null)
                                                .replaceWithVoid()))
                        .collect()
                        .last()
                        .replaceWithVoid()));
    }
}

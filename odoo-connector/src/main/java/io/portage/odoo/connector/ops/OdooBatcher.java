package io.portage.odoo.connector.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.portage.odoo.connector.CallerContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Gathers the requests of one typed operation that arrive within {@code portage.odoo.batch.max-delay} (at most
 * {@code max-size}) and runs them as one batch, each caller getting its own result or its own error.
 */
final class OdooBatcher<T, R> {

    private static final Logger LOG = Logger.getLogger(OdooBatcher.class);

    /** What one request of a batch ended with: a value or a failure. */
    record Outcome<R>(R value, Throwable failure) {

        static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        static <R> Outcome<R> failed(Throwable failure) {
            return new Outcome<>(null, failure);
        }
    }

    private record Pending<T, R>(T request, CompletableFuture<R> result) {
    }

    private final String name;
    private final int maxSize;
    private final Duration maxDelay;
    private final Function<List<T>, Uni<List<Outcome<R>>>> run;
    private List<Pending<T, R>> open = new ArrayList<>();
    private long generation;

    /** {@code run} answers one outcome per request, in the order of the requests it was given. */
    OdooBatcher(String name, int maxSize, Duration maxDelay, Function<List<T>, Uni<List<Outcome<R>>>> run) {
        this.name = name;
        this.maxSize = Math.max(1, maxSize);
        this.maxDelay = maxDelay;
        this.run = run;
    }

    /**
     * Adds the request to the open batch; the answer is this request's own outcome once the batch has run, delivered on
     * the caller's Vert.x context when it has one (a Hibernate Reactive session must not see another thread).
     */
    Uni<R> submit(T request) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<R> result = new CompletableFuture<>();
            enqueue(new Pending<>(request, result));
            return CallerContext.emitOnCaller(Uni.createFrom().completionStage(result));
        });
    }

    private void enqueue(Pending<T, R> pending) {
        List<Pending<T, R>> full = null;
        long due = -1;
        synchronized (this) {
            open.add(pending);
            if (open.size() >= maxSize) {
                full = take();
            } else if (open.size() == 1) {
                due = generation;
            }
        }
        if (full != null) {
            send(full);
        } else if (due >= 0) {
            long batch = due;
            Infrastructure.getDefaultWorkerPool()
                    .schedule(() -> sendIfStill(batch), maxDelay.toNanos(),
                            TimeUnit.NANOSECONDS);
        }
    }

    private void sendIfStill(long batch) {
        List<Pending<T, R>> due;
        synchronized (this) {
            if (generation != batch || open.isEmpty()) {
                return;
            }
            due = take();
        }
        send(due);
    }

    private List<Pending<T, R>> take() {
        List<Pending<T, R>> taken = open;
        open = new ArrayList<>();
        generation++;
        return taken;
    }

    private void send(List<Pending<T, R>> batch) {
        List<T> requests = batch.stream().map(Pending::request).toList();
        LOG.debugf("Odoo batch %s: %d requests", name, requests.size());
        Uni.createFrom().deferred(() -> run.apply(requests)).subscribe().with(outcomes -> {
            for (int i = 0; i < batch.size(); i++) {
                Outcome<R> outcome = i < outcomes.size() ? outcomes.get(i) : null;
                CompletableFuture<R> result = batch.get(i).result();
                if (outcome == null) {
                    result.completeExceptionally(new IllegalStateException("no outcome for request " + i));
                } else if (outcome.failure() != null) {
                    result.completeExceptionally(outcome.failure());
                } else {
                    result.complete(outcome.value());
                }
            }
        }, failure -> batch.forEach(pending -> pending.result().completeExceptionally(failure)));
    }
}

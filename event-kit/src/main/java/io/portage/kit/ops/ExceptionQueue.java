package io.portage.kit.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.kit.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Business exceptions for people: automation {@link #raise}s one (idempotent per type and business key while it is
 * open), its owner lists, resolves (settled outside), retries (the automation again, through the type's
 * {@link ExceptionRetrier}) or discards it. Every action by a person is audited.
 */
@ApplicationScoped
public class ExceptionQueue implements PanacheRepositoryBase<ExceptionItem, UUID> {

    private final Instance<ExceptionRetrier> retriers;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public ExceptionQueue(Instance<ExceptionRetrier> retriers, AuditLog audit, MeterRegistry metrics) {
        this.retriers = retriers;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Which items a list covers; null fields match everything. {@code visibleTo} limits it to items owned by one of
     * these roles (a person who is not an operator); {@code createdBefore} to items at least that old.
     */
    public record Filter(ExceptionItem.Status status, String type, String ownerRole, Set<String> visibleTo,
            Instant createdBefore) {
    }

    /**
     * Opens an exception, in the caller's transaction; when one is open for the same type and key already, it is
     * brought up to date instead (the same problem seen again is one item, not two).
     */
    public Uni<ExceptionItem> raise(String type, String ownerRole, String businessKey, String summary, String payload) {
        return find("type = ?1 and businessKey = ?2 and status = ?3", type, businessKey, ExceptionItem.Status.OPEN)
                .firstResult()
                .chain(open -> {
                    if (open != null) {
                        open.update(summary, payload, clock.instant());
                        return Uni.createFrom().item(open);
                    }
                    metrics.counter("portage.exceptions.raised", "type", type).increment();
                    Log.infof("Exception %s for %s (owner %s): %s", type, businessKey, ownerRole, summary);
                    return persist(new ExceptionItem(type, ownerRole, businessKey, summary, payload, clock.instant()));
                });
    }

    /** One item of a {@link #raiseAll}: its business key, summary and evidence. */
    public record Raised(String businessKey, String summary, String payload) {
    }

    /** Keys looked up per query by {@link #raiseAll}. */
    private static final int RAISE_CHUNK = 1000;

    /**
     * {@link #raise} for many items of one type and owner, in the caller's transaction, with one lookup per thousand
     * keys instead of one per item: open items of the same key are brought up to date, the others opened.
     */
    public Uni<Void> raiseAll(String type, String ownerRole, List<Raised> items) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < items.size(); from += RAISE_CHUNK) {
            List<Raised> chunk = items.subList(from, Math.min(items.size(), from + RAISE_CHUNK));
            chain = chain.chain(() -> raiseChunk(type, ownerRole, chunk));
        }
        return chain;
    }

    private Uni<Void> raiseChunk(String type, String ownerRole, List<Raised> chunk) {
        Map<String, Raised> byKey = new LinkedHashMap<>();
        chunk.forEach(item -> byKey.put(item.businessKey(), item));
        return find("type = ?1 and status = ?2 and businessKey in ?3", type, ExceptionItem.Status.OPEN,
                List.copyOf(byKey.keySet()))
                .list()
                .chain(open -> {
                    Instant now = clock.instant();
                    Map<String, ExceptionItem> openByKey = new HashMap<>();
                    open.forEach(item -> openByKey.put(item.businessKey(), item));
                    List<ExceptionItem> fresh = new ArrayList<>();
                    byKey.forEach((key, item) -> {
                        ExceptionItem known = openByKey.get(key);
                        if (known != null) {
                            known.update(item.summary(), item.payload(), now);
                        } else {
                            fresh.add(new ExceptionItem(type, ownerRole, key, item.summary(), item.payload(), now));
                        }
                    });
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    metrics.counter("portage.exceptions.raised", "type", type).increment(fresh.size());
                    Log.infof("%d exceptions %s (owner %s), e.g. %s: %s", fresh.size(), type, ownerRole,
                            fresh.get(0).businessKey(), fresh.get(0).summary());
                    return persist(fresh.stream());
                });
    }

    /**
     * The automation itself settled what an open item of this type and key was about (its cause went away, e.g. a
     * missing mapping was added): closes it as RESOLVED by {@code actor}, in the caller's transaction, with an audit
     * record. Answers whether an open item was there.
     */
    public Uni<Boolean> settle(String type, String businessKey, String actor, String how, String correlationId) {
        return find("type = ?1 and businessKey = ?2 and status = ?3", type, businessKey, ExceptionItem.Status.OPEN)
                .firstResult()
                .chain(open -> {
                    if (open == null) {
                        return Uni.createFrom().item(false);
                    }
                    open.close(ExceptionItem.Status.RESOLVED, actor, how, clock.instant());
                    metrics.counter("portage.exceptions.closed", "type", type, "status", "RESOLVED").increment();
                    return audit.record(actor, "exception.settle", "exception:" + open.id(), "done", how, correlationId)
                            .replaceWith(true);
                });
    }

    public Uni<List<ExceptionItem>> list(Filter filter, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.type() != null) {
            query.append(" and type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.ownerRole() != null) {
            query.append(" and ownerRole = :ownerRole");
            parameters.put("ownerRole", filter.ownerRole());
        }
        if (filter.visibleTo() != null) {
            query.append(" and ownerRole in :visibleTo");
            parameters.put("visibleTo", filter.visibleTo().isEmpty() ? Set.of("") : filter.visibleTo());
        }
        if (filter.createdBefore() != null) {
            query.append(" and createdAt <= :createdBefore");
            parameters.put("createdBefore", filter.createdBefore());
        }
        query.append(" order by createdAt, id");
        return Panache.withSession(() -> find(query.toString(), parameters).page(0, limit).list());
    }

    /** Open items of one type: how many, and since when the oldest has waited. */
    public record OpenCount(String type, long count, Instant oldest) {
    }

    /** Open items per type (for the gauges and the console's overview). */
    public Uni<List<OpenCount>> openByType() {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createSelectionQuery("""
                        select e.type, count(e), min(e.createdAt) from ExceptionItem e
                        where e.status = :status group by e.type""", Object[].class)
                        .setParameter("status", ExceptionItem.Status.OPEN)
                        .getResultList()))
                .map(rows -> rows.stream()
                        .map(row -> new OpenCount((String) row[0], ((Number) row[1]).longValue(), (Instant) row[2]))
                        .toList());
    }

    public Uni<ExceptionItem> get(UUID id) {
        return Panache.withSession(() -> findById(id))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Exception", id));
    }

    /** Closes an open item as settled outside the automation; {@code resolution} says how. */
    public Uni<ExceptionItem> resolve(UUID id, String actor, String resolution, String correlationId) {
        return close(id, ExceptionItem.Status.RESOLVED, actor, resolution, "exception.resolve", correlationId);
    }

    /** Closes an open item without settling it; {@code reason} says why. */
    public Uni<ExceptionItem> discard(UUID id, String actor, String reason, String correlationId) {
        return close(id, ExceptionItem.Status.DISCARDED, actor, reason, "exception.discard", correlationId);
    }

    /**
     * Runs the automation again; when it succeeds the item is RETRIED (closed), when it fails the item stays open with
     * the error and one more attempt, and the caller gets 422; when the retrier refuses ({@link RetryRefusedException})
     * the item stays open unchanged and the caller gets 409. {@code comment} (optional) goes to the audit trail.
     */
    public Uni<ExceptionItem> retry(UUID id, String actor, String comment, String correlationId) {
        String target = "exception:" + id;
        return Panache.withTransaction(() -> open(id).chain(item -> retrier(item).retry(item, actor).chain(() -> {
            item.close(ExceptionItem.Status.RETRIED, actor, "retried", clock.instant());
            metrics.counter("portage.exceptions.closed", "type", item.type(), "status", "RETRIED").increment();
            String detail = comment == null || comment.isBlank() ? item.type() : item.type() + ": " + comment;
            return audit.record(actor, "exception.retry", target, "done", detail, correlationId).replaceWith(item);
        })))
                .onFailure(RetryRefusedException.class)
                .transform(failure -> {
                    RetryRefusedException refused = (RetryRefusedException) failure;
                    return new ProblemException(409, refused.code(), refused.summary(), refused.getMessage());
                })
                .onFailure(failure -> !(failure instanceof ProblemException))
                .recoverWithUni(failure -> {
                    String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                    return Panache.withTransaction(() -> findById(id).chain(item -> {
                        item.retryFailed(error, clock.instant());
                        return audit.record(actor, "exception.retry", target, "failed", error, correlationId);
                    }))
                            .chain(() -> Uni.createFrom()
                                    .failure(new ProblemException(422, "retry-failed", "Retry failed",
                                            "Exception " + id + " is still there: " + error)));
                });
    }

    private Uni<ExceptionItem> close(UUID id, ExceptionItem.Status closed, String actor, String how, String action,
            String correlationId) {
        return Panache.withTransaction(() -> open(id).chain(item -> {
            item.close(closed, actor, how, clock.instant());
            metrics.counter("portage.exceptions.closed", "type", item.type(), "status", closed.name()).increment();
            return audit.record(actor, action, "exception:" + id, "done", how, correlationId).replaceWith(item);
        }));
    }

    private Uni<ExceptionItem> open(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Exception", id)).invoke(item -> {
            if (item.status() != ExceptionItem.Status.OPEN) {
                throw new ProblemException(409, "exception-closed", "Exception is closed",
                        "Exception " + id + " is " + item.status() + " (by " + item.resolvedBy() + ")");
            }
        });
    }

    private ExceptionRetrier retrier(ExceptionItem item) {
        for (ExceptionRetrier retrier : retriers) {
            if (retrier.type().equals(item.type())) {
                return retrier;
            }
        }
        throw new ProblemException(409, "no-retrier", "Cannot retry",
                "Nothing in this service retries exceptions of type " + item.type() + "; resolve or discard it");
    }
}

package io.portage.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.portage.kit.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Honours {@code Idempotency-Key} on partners' POSTs (draft-ietf-httpapi-idempotency-key-header): the first request
 * with a key runs, and its answer (any status below 500) is kept for 24 hours; a repeat with the same key and the same
 * body gets that answer again, marked {@code Idempotency-Replayed: true}, without reaching the service. The same key
 * with another body is 422; a repeat while the first is still running is 409 with {@code Retry-After}. A 5xx or an
 * unreachable service is not kept, so the partner's retry runs. Keys are per partner: two partners never share one.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** A first request still unanswered after this long died with its gateway: a repeat may take it over. */
    private static final Duration ABANDONED = Duration.ofSeconds(60);
    private static final Duration KEPT = Duration.ofHours(24);

    private static final String CLAIM = """
            insert into {h-schema}idempotency_key (partner_id, idempotency_key, route, request_hash, created_at)
            values (:partner, :key, :route, :hash, :now)
            on conflict (partner_id, idempotency_key) do update set created_at = excluded.created_at,
                route = excluded.route, request_hash = excluded.request_hash
              where idempotency_key.status is null and idempotency_key.created_at < :abandoned
                and idempotency_key.request_hash = excluded.request_hash
            returning partner_id""";
    private static final String READ = """
            select request_hash, status, content_type, location, body from {h-schema}idempotency_key
            where partner_id = :partner and idempotency_key = :key""";
    private static final String COMPLETE = """
            update {h-schema}idempotency_key set status = :status, content_type = :type, location = :location,
                body = :body, completed_at = :now
            where partner_id = :partner and idempotency_key = :key""";
    private static final String RELEASE = """
            delete from {h-schema}idempotency_key where partner_id = :partner and idempotency_key = :key
              and status is null""";
    private static final String EXPIRE = "delete from {h-schema}idempotency_key where created_at < :before";

    /**
     * Runs {@code call} once per (partner, key) for {@code route} and {@code body}; {@code key} null runs it as is.
     */
    public Uni<Response> once(String partner, String key, String route, String body, Supplier<Uni<Response>> call) {
        if (key == null) {
            return call.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = sha256(route + "\n" + (body == null ? "" : body));
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, String.class)
                        .setParameter("partner", partner)
                        .setParameter("key", key)
                        .setParameter("route", route)
                        .setParameter("hash", hash)
                        .setParameter("now", now)
                        .setParameter("abandoned", now.minus(ABANDONED))
                        .getResultList()))
                .chain(claimed -> claimed.isEmpty()
                        ? earlier(partner, key, hash)
                        : call.get()
                                .call(response -> keep(partner, key, response))
                                .onFailure()
                                .call(() -> release(partner, key)));
    }

    /** The answer kept for a repeated key, or why there is none. */
    private Uni<Response> earlier(String partner, String key, String hash) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(READ, Object[].class)
                        .setParameter("partner", partner)
                        .setParameter("key", key)
                        .getResultList()))
                .map((List<Object[]> rows) -> {
                    if (rows.isEmpty()) {
                        // Released by a failed first request a moment ago: the partner may simply retry.
                        throw new ProblemException(409, "idempotency-key-in-use", "Request in progress",
                                "The first request with this Idempotency-Key failed a moment ago; send it again");
                    }
                    Object[] row = rows.get(0);
                    if (!hash.equals(row[0])) {
                        throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                                "This Idempotency-Key was used with another request (route or body); use a new key for a new request");
                    }
                    if (row[1] == null) {
                        throw new ProblemException(409, "idempotency-key-in-use", "Request in progress",
                                "The first request with this Idempotency-Key is still running; ask again in a second");
                    }
                    Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                            .entity(row[4])
                            .header("Idempotency-Replayed", "true");
                    if (row[2] != null) {
                        replay.header(HttpHeaders.CONTENT_TYPE, row[2]);
                    }
                    if (row[3] != null) {
                        replay.header(HttpHeaders.LOCATION, row[3]);
                    }
                    return replay.build();
                });
    }

    /** Keeps an answer below 500; a server error is not an answer to keep, so the key is freed for a retry. */
    private Uni<Void> keep(String partner, String key, Response response) {
        if (response.getStatus() >= 500) {
            return release(partner, key);
        }
        Object entity = response.getEntity();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(COMPLETE)
                        .setParameter("partner", partner)
                        .setParameter("key", key)
                        .setParameter("status", response.getStatus())
                        .setParameter("type", response.getHeaderString(HttpHeaders.CONTENT_TYPE))
                        .setParameter("location", response.getHeaderString(HttpHeaders.LOCATION))
                        .setParameter("body", entity == null ? null : entity.toString())
                        .setParameter("now", Instant.now())
                        .executeUpdate()))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    // The answer still goes out; a repeat then finds the key running, and after a minute takes it over.
                    Log.warnf("Answer for idempotency key %s of %s not kept: %s", key, partner, failure);
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> release(String partner, String key) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RELEASE)
                        .setParameter("partner", partner)
                        .setParameter("key", key)
                        .executeUpdate()))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    Log.warnf("Idempotency key %s of %s not released: %s", key, partner, failure);
                    return Uni.createFrom().voidItem();
                });
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(EXPIRE)
                        .setParameter("before", Instant.now().minus(KEPT))
                        .executeUpdate()))
                .replaceWithVoid();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

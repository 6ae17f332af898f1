package io.portage.gateway.webhook;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.EventCatalog;
import io.portage.gateway.config.GatewayConfig;
import io.portage.kit.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Partners' webhook subscriptions: an endpoint and the event types wanted ({@code *} for all of them). A partner
 * sees, changes and replays only its own; another partner's subscription is answered as not found.
 */
@ApplicationScoped
public class Subscriptions {

    static final String ACTIVE = "ACTIVE";
    static final String DISABLED = "DISABLED";
    private static final int MAX_PER_PARTNER = 20;
    private static final Pattern TYPE = Pattern.compile("\\*|io\\.portage\\.[a-z0-9.-]{3,150}");

    private static final String COLUMNS = """
            id, url, array_to_string(event_types, ','), status, created_at, failing_since, disabled_at, disabled_reason""";

    private final GatewayConfig.Webhooks config;

    public Subscriptions(GatewayConfig config) {
        this.config = config.webhooks();
    }

    /** A subscription as its partner sees it; {@code secret} only in the answer to its creation. */
    public record Subscription(UUID id, String url, List<String> eventTypes, String status, Instant createdAt,
            Instant failingSince, Instant disabledAt, String disabledReason, String secret) {
    }

    /** One delivery of an event to a subscription. */
    public record Delivery(long id, String eventId, String eventType, String status, int attempts, Instant nextAttemptAt,
            Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
    }

    public Uni<Subscription> create(String partner, String url, List<String> eventTypes) {
        URI endpoint = endpoint(url);
        List<String> types = types(eventTypes);
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from {h-schema}webhook_subscription where partner_id = :partner", Long.class)
                        .setParameter("partner", partner)
                        .getSingleResult()
                        .chain(count -> {
                            if (count >= MAX_PER_PARTNER) {
                                return Uni.createFrom()
                                        .failure(new ProblemException(409, "too-many-subscriptions",
                                                "Too many subscriptions", "A partner has at most " + MAX_PER_PARTNER
                                                        + " subscriptions; delete one first"));
                            }
                            return session.createNativeQuery("""
                                    insert into {h-schema}webhook_subscription
                                        (id, partner_id, url, secret, event_types, status, created_at)
                                    values (:id, :partner, :url, :secret, cast(:types as varchar[]), 'ACTIVE', :now)""")
                                    .setParameter("id", id)
                                    .setParameter("partner", partner)
                                    .setParameter("url", endpoint.toString())
                                    .setParameter("secret", secret)
                                    .setParameter("types", types.toArray(String[]::new))
                                    .setParameter("now", now)
                                    .executeUpdate();
                        })))
                .replaceWith(new Subscription(id, endpoint.toString(), types, ACTIVE, now, null, null, null, secret));
    }

    public Uni<List<Subscription>> list(String partner) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select " + COLUMNS
                        + " from {h-schema}webhook_subscription where partner_id = :partner order by created_at",
                        Object[].class)
                        .setParameter("partner", partner)
                        .getResultList()))
                .map(rows -> rows.stream().map(Subscriptions::subscription).toList());
    }

    public Uni<Subscription> get(String partner, UUID id) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select " + COLUMNS
                        + " from {h-schema}webhook_subscription where partner_id = :partner and id = :id", Object[].class)
                        .setParameter("partner", partner)
                        .setParameter("id", id)
                        .getResultList()))
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.notFound("Subscription", id);
                    }
                    return subscription(rows.get(0));
                });
    }

    public Uni<Void> delete(String partner, UUID id) {
        return update(partner, id, "delete from {h-schema}webhook_subscription where partner_id = :partner and id = :id");
    }

    /** Turns a disabled subscription on again; its given-up deliveries can then be replayed. */
    public Uni<Subscription> enable(String partner, UUID id) {
        return update(partner, id, """
                update {h-schema}webhook_subscription set status = 'ACTIVE', failing_since = null, disabled_at = null,
                    disabled_reason = null
                where partner_id = :partner and id = :id""").chain(() -> get(partner, id));
    }

    public Uni<List<Delivery>> deliveries(String partner, UUID subscription, String status, int limit) {
        return get(partner, subscription).chain(found -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        select id, event_id, event_type, status, attempts, next_attempt_at, last_status, last_error,
                               created_at, delivered_at
                        from {h-schema}webhook_delivery
                        where subscription_id = :subscription and (cast(:status as varchar) is null or status = :status)
                        order by id desc limit :limit""", Object[].class)
                        .setParameter("subscription", subscription)
                        .setParameter("status", status == null ? null : status.toUpperCase(Locale.ROOT))
                        .setParameter("limit", limit)
                        .getResultList()))
                .map(rows -> rows.stream()
                        .map(row -> new Delivery(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                                (String) row[3], ((Number) row[4]).intValue(), instant(row[5]),
                                row[6] == null ? null : ((Number) row[6]).intValue(), (String) row[7], instant(row[8]),
                                instant(row[9])))
                        .toList()));
    }

    /** Sends a delivery again, now: a given-up one, or a delivered one the partner lost. */
    public Uni<Void> replay(String partner, UUID subscription, long delivery) {
        return get(partner, subscription).chain(found -> {
            if (!ACTIVE.equals(found.status())) {
                return Uni.createFrom()
                        .failure(new ProblemException(409, "subscription-disabled",
                                "Subscription disabled", "Enable the subscription before replaying its deliveries"));
            }
            return Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("""
                            update {h-schema}webhook_delivery set status = 'PENDING', next_attempt_at = :now
                            where id = :id and subscription_id = :subscription""")
                            .setParameter("now", Instant.now())
                            .setParameter("id", delivery)
                            .setParameter("subscription", subscription)
                            .executeUpdate()))
                    .invoke(updated -> {
                        if (updated == 0) {
                            throw ProblemException.notFound("Delivery", delivery);
                        }
                    })
                    .replaceWithVoid();
        });
    }

    private Uni<Void> update(String partner, UUID id, String statement) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(statement)
                        .setParameter("partner", partner)
                        .setParameter("id", id)
                        .executeUpdate()))
                .invoke(updated -> {
                    if (updated == 0) {
                        throw ProblemException.notFound("Subscription", id);
                    }
                })
                .replaceWithVoid();
    }

    private URI endpoint(String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (uri == null || uri.getHost() == null || url.length() > 2000
                || !("https".equals(scheme) || (config.allowHttp() && "http".equals(scheme)))) {
            throw ProblemException.invalid("url", config.allowHttp() ? "must be an http(s):// URL" : "must be an https:// URL");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.invalid("url", "must not carry credentials; deliveries are signed instead");
        }
        return uri;
    }

    private static List<String> types(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty() || eventTypes.size() > 50) {
            throw ProblemException.invalid("eventTypes", "must name 1 to 50 event types, or \"*\"");
        }
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            if (type == null || !TYPE.matcher(type).matches() || !(type.equals("*") || EventCatalog.byType(type).isPresent())) {
                throw ProblemException.invalid("eventTypes[" + i + "]", "must be a catalogued event type, e.g. "
                        + EventCatalog.ORDER_RELEASED_V2.type() + ", or \"*\"");
            }
        }
        return eventTypes.stream().distinct().toList();
    }

    private static Subscription subscription(Object[] row) {
        String types = (String) row[2];
        return new Subscription((UUID) row[0], (String) row[1], types.isEmpty() ? List.of() : Arrays.asList(types.split(",")),
                (String) row[3], instant(row[4]), instant(row[5]), instant(row[6]), (String) row[7], null);
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("Not a time: " + value.getClass());
        };
    }
}

package io.portage.gateway.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.reliability.WebhookOutcomes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Sends due webhook deliveries: claims up to a batch (a lease on each, {@code for update skip locked}, so gateway
 * replicas share the work), posts each as a signed CloudEvent, and records the outcomes. A 2xx is delivered; anything
 * else waits the next pause of the retry schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h), after which the delivery is
 * given up ({@code FAILED}, replayable). A subscription whose deliveries have all failed for {@code disable-after} (5
 * days) is disabled: nothing more is queued or sent until its partner enables it again. Each attempt's outcome is
 * counted for the partner's reliability figures in the same transaction ({@link WebhookOutcomes}).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final String CLAIM = """
            with due as (
                select d.id from {h-schema}webhook_delivery d
                join {h-schema}webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'
                where d.status = 'PENDING' and d.next_attempt_at <= :now
                order by d.next_attempt_at limit :limit
                for update of d skip locked)
            update {h-schema}webhook_delivery d set next_attempt_at = :lease
            from due, {h-schema}webhook_subscription s
            where d.id = due.id and s.id = d.subscription_id
            returning d.id, d.subscription_id, d.event_id, d.body, d.attempts, s.url, s.secret, s.partner_id""";
    private static final String DELIVERED = """
            update {h-schema}webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status = :status,
                last_error = null, delivered_at = :now
            where id = :id""";
    private static final String RETRY = """
            update {h-schema}webhook_delivery set status = :next, attempts = attempts + 1, last_status = :status,
                last_error = :error, next_attempt_at = :at
            where id = :id""";
    private static final String HEALTHY = """
            update {h-schema}webhook_subscription set failing_since = null where id = :id""";
    private static final String FAILING = """
            update {h-schema}webhook_subscription set failing_since = coalesce(failing_since, :now),
                status = case when coalesce(failing_since, :now) <= :limit then 'DISABLED' else status end,
                disabled_at = case when coalesce(failing_since, :now) <= :limit then :now else disabled_at end,
                disabled_reason = case when coalesce(failing_since, :now) <= :limit
                    then 'Every delivery failed since ' || to_char(coalesce(failing_since, :now) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                    else disabled_reason end
            where id = :id
            returning status""";

    private final GatewayConfig.Webhooks config;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final WebhookOutcomes reliability;
    private WebClient client;

    public WebhookDispatcher(GatewayConfig config, Vertx vertx, MeterRegistry metrics, WebhookOutcomes reliability) {
        this.config = config.webhooks();
        this.vertx = vertx;
        this.metrics = metrics;
        this.reliability = reliability;
    }

    @PostConstruct
    void open() {
        client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Portage-Webhooks/1")
                .setConnectTimeout((int) config.timeout().toMillis())
                .setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private record Claimed(long id, UUID subscription, String eventId, String body, int attempts, String url,
            String secret, String partner) {
    }

    private record Outcome(Claimed delivery, int status, String error) {

        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    @Scheduled(every = "${portage.gateway.webhooks.poll-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    Uni<Void> dispatch() {
        Context context = io.vertx.core.Vertx.currentContext();
        Instant now = Instant.now();
        // The lease outlives the sends (timeout each, sent in parallel) with room; a gateway that dies holding it
        // leaves the deliveries to be picked up when it runs out.
        Instant lease = now.plus(config.timeout().multipliedBy(3));
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, Object[].class)
                        .setParameter("now", now)
                        .setParameter("lease", lease)
                        .setParameter("limit", config.batchSize())
                        .getResultList()))
                .map(rows -> rows.stream()
                        .map(row -> new Claimed(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2],
                                (String) row[3], ((Number) row[4]).intValue(), (String) row[5], (String) row[6],
                                (String) row[7]))
                        .toList())
                .chain(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Uni.join()
                                .all(claimed.stream().map(this::send).toList())
                                .andCollectFailures()
                                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                                .chain(this::record));
    }

    private Uni<Outcome> send(Claimed delivery) {
        long timestamp = Instant.now().getEpochSecond();
        return client.postAbs(delivery.url())
                .timeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/cloudevents+json; charset=utf-8")
                .putHeader("webhook-id", delivery.eventId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature",
                        WebhookSignature.sign(delivery.secret(), delivery.eventId(), timestamp, delivery.body()))
                .sendBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(delivery.body()))
                .map(response -> new Outcome(delivery, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "answered " + response.statusCode()))
                .onFailure()
                .recoverWithItem(failure -> new Outcome(delivery, 0, String.valueOf(failure.getMessage())));
    }

    private Uni<Void> record(List<Outcome> outcomes) {
        Instant now = Instant.now();
        List<Duration> schedule = config.retrySchedule();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<UUID> disabled = new ArrayList<>();
            List<WebhookOutcomes.Attempt> attempts = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                Claimed delivery = outcome.delivery();
                if (outcome.delivered()) {
                    attempts.add(new WebhookOutcomes.Attempt(delivery.subscription(), delivery.partner(),
                            WebhookOutcomes.Outcome.DELIVERED));
                    chain = chain.chain(() -> session.createNativeQuery(DELIVERED)
                            .setParameter("status", outcome.status())
                            .setParameter("now", now)
                            .setParameter("id", delivery.id())
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery(HEALTHY)
                                    .setParameter("id", delivery.subscription())
                                    .executeUpdate())
                            .replaceWithVoid());
                    continue;
                }
                int attempt = delivery.attempts() + 1;
                boolean givenUp = attempt > schedule.size();
                Instant next = givenUp ? now : now.plus(schedule.get(attempt - 1));
                attempts.add(new WebhookOutcomes.Attempt(delivery.subscription(), delivery.partner(),
                        givenUp ? WebhookOutcomes.Outcome.FAILED : WebhookOutcomes.Outcome.RETRIED));
                chain = chain.chain(() -> session.createNativeQuery(RETRY)
                        .setParameter("next", givenUp ? "FAILED" : "PENDING")
                        .setParameter("status", outcome.status() == 0 ? null : outcome.status())
                        .setParameter("error", truncate(outcome.error()))
                        .setParameter("at", next)
                        .setParameter("id", delivery.id())
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(FAILING, String.class)
                                .setParameter("now", now)
                                .setParameter("limit", now.minus(config.disableAfter()))
                                .setParameter("id", delivery.subscription())
                                .getResultList())
                        .invoke(status -> {
                            if (status.contains(Subscriptions.DISABLED)) {
                                disabled.add(delivery.subscription());
                            }
                        })
                        .replaceWithVoid());
            }
            return chain.chain(() -> reliability.add(session, now, attempts))
                    .invoke(() -> disabled.stream()
                            .distinct()
                            .forEach(id -> Log.warnf(
                                    "Webhook subscription %s disabled: its deliveries have failed for %s", id,
                                    config.disableAfter())));
        })).invoke(() -> {
            long delivered = outcomes.stream().filter(Outcome::delivered).count();
            metrics.counter("portage.webhooks.delivered").increment(delivered);
            metrics.counter("portage.webhooks.failed.attempts").increment(outcomes.size() - delivered);
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** Skips the dispatch when webhooks are off ({@code portage.gateway.webhooks.enabled=false}). */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        private final boolean enabled;

        public Disabled(GatewayConfig config) {
            this.enabled = config.webhooks().enabled();
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !enabled;
        }
    }
}

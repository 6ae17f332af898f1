package io.portage.gateway.reliability;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.portage.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;

/**
 * Counts webhook delivery attempts per subscription in {@code webhook_outcome}, in the dispatcher's own transaction
 * with the deliveries' new states, so the counts are exactly the attempts recorded: delivered (2xx), retried (failed,
 * another attempt scheduled) or failed (failed and given up).
 */
@ApplicationScoped
public class WebhookOutcomes {

    private static final String ADD = """
            insert into {h-schema}webhook_outcome as o
                (bucket_start, subscription_id, partner_id, delivered, retried, failed)
            values (:bucket, :subscription, :partner, :delivered, :retried, :failed)
            on conflict (bucket_start, subscription_id) do update
            set delivered = o.delivered + excluded.delivered, retried = o.retried + excluded.retried,
                failed = o.failed + excluded.failed""";

    /** What became of one attempt. */
    public enum Outcome {
        DELIVERED, RETRIED, FAILED
    }

    /** One attempt at one subscription's endpoint. */
    public record Attempt(UUID subscription, String partner, Outcome outcome) {
    }

    private final long bucketSeconds;

    public WebhookOutcomes(GatewayConfig config) {
        this.bucketSeconds = config.reliability().bucket().toSeconds();
    }

    /** Adds {@code attempts}, made at {@code at}, in the session's transaction: one statement per subscription. */
    public Uni<Void> add(Mutiny.Session session, Instant at, List<Attempt> attempts) {
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        Map<UUID, String> partners = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            counts.computeIfAbsent(attempt.subscription(), id -> new long[Outcome.values().length])[attempt.outcome()
                    .ordinal()]++;
            partners.put(attempt.subscription(), attempt.partner());
        }
        long second = at.getEpochSecond();
        Instant bucket = Instant.ofEpochSecond(second - Math.floorMod(second, bucketSeconds));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, long[]> subscription : counts.entrySet()) {
            long[] count = subscription.getValue();
            chain = chain.chain(() -> session.createNativeQuery(ADD)
                    .setParameter("bucket", bucket)
                    .setParameter("subscription", subscription.getKey())
                    .setParameter("partner", partners.get(subscription.getKey()))
                    .setParameter("delivered", count[Outcome.DELIVERED.ordinal()])
                    .setParameter("retried", count[Outcome.RETRIED.ordinal()])
                    .setParameter("failed", count[Outcome.FAILED.ordinal()])
                    .executeUpdate()
                    .replaceWithVoid());
        }
        return chain;
    }
}

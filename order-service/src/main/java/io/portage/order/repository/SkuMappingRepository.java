package io.portage.order.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.order.domain.SkuMapping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Each channel's SKUs mapped to the product's SKU in Odoo ({@code channel_sku}). */
@ApplicationScoped
public class SkuMappingRepository {

    /** The mapped SKUs among {@code channelSkus}: channel SKU to Odoo SKU; unmapped ones are absent. */
    public Uni<Map<String, String>> mapped(String channel, Collection<String> channelSkus) {
        List<String> keys = channelSkus.stream().distinct().toList();
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select channel_sku, sku from {h-schema}channel_sku where channel = :channel and channel_sku in (:keys)",
                        Object[].class).setParameter("channel", channel).setParameter("keys", keys).getResultList())
                .map(rows -> {
                    Map<String, String> mapped = new HashMap<>();
                    rows.forEach(row -> mapped.put((String) row[0], (String) row[1]));
                    return mapped;
                });
    }

    public Uni<List<SkuMapping>> list(String channel) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        select channel, channel_sku, sku, updated_at, updated_by from {h-schema}channel_sku
                        where channel = :channel order by channel_sku""", Object[].class)
                        .setParameter("channel", channel)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new SkuMapping((String) row[0], (String) row[1], (String) row[2],
                                instant(row[3]), (String) row[4]))
                        .toList());
    }

    /** Adds or replaces one mapping, in the caller's transaction. */
    public Uni<Void> put(SkuMapping mapping) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into {h-schema}channel_sku (channel, channel_sku, sku, updated_at, updated_by)
                        values (:channel, :channelSku, :sku, :at, :by)
                        on conflict (channel, channel_sku) do update
                        set sku = excluded.sku, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                        .setParameter("channel", mapping.channel())
                        .setParameter("channelSku", mapping.channelSku())
                        .setParameter("sku", mapping.sku())
                        .setParameter("at", mapping.updatedAt())
                        .setParameter("by", mapping.updatedBy())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case java.time.OffsetDateTime offset -> offset.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("Not a timestamp: " + value);
        };
    }
}

package io.portage.odoo.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * The master-data cache the services read instead of calling Odoo: products by SKU ({@code default_code}) or barcode,
 * partners by reference, warehouses by code, locations by full name, carriers by name. Odoo owns the data; each answer
 * says when Odoo last changed the record and when the cache last heard from Odoo about its model, so a caller can judge
 * how stale it may be. Archived records are found too ({@code active} false); deciding what that means is the caller's.
 */
@ApplicationScoped
public class MasterData {

    private static final String BY_CODE = """
            select r.odoo_id, r.code, r.barcode, r.name, r.active, cast(r.data as varchar), r.write_date, r.synced_at,
                   s.last_success_at
            from {h-schema}odoo_master_record r left join {h-schema}odoo_sync_state s on s.model = r.model
            where r.model = :model and r.%s = :key
            order by r.active desc, r.odoo_id
            limit 1""";

    private static final String BY_CODES = """
            select r.odoo_id, r.code, r.barcode, r.name, r.active, cast(r.data as varchar), r.write_date, r.synced_at,
                   s.last_success_at
            from {h-schema}odoo_master_record r left join {h-schema}odoo_sync_state s on s.model = r.model
            where r.model = :model and r.code in (:keys)
            order by r.active, r.odoo_id desc""";

    private final ObjectMapper json;

    public MasterData(ObjectMapper json) {
        this.json = json;
    }

    /** A cached Odoo record: its key fields, every field read (as Odoo returned them), and its age. */
    @RegisterForReflection
    public record Entry(String model, long odooId, String code, String barcode, String name, boolean active,
            JsonNode data, Instant writeDate, Instant syncedAt, Instant modelSyncedAt) {
    }

    public Uni<Optional<Entry>> productBySku(String sku) {
        return find(SyncedModel.PRODUCT, "code", sku);
    }

    public Uni<Optional<Entry>> productByBarcode(String barcode) {
        return find(SyncedModel.PRODUCT, "barcode", barcode);
    }

    public Uni<Optional<Entry>> partnerByRef(String ref) {
        return find(SyncedModel.PARTNER, "code", ref);
    }

    public Uni<Optional<Entry>> warehouseByCode(String code) {
        return find(SyncedModel.WAREHOUSE, "code", code);
    }

    public Uni<Optional<Entry>> locationByName(String completeName) {
        return find(SyncedModel.LOCATION, "code", completeName);
    }

    public Uni<Optional<Entry>> carrierByName(String name) {
        return find(SyncedModel.CARRIER, "code", name);
    }

    /**
     * Products for many SKUs in one query: each SKU the cache knows maps to its product (an active one before an
     * archived one); SKUs it does not know are absent.
     */
    public Uni<Map<String, Entry>> productsBySku(Collection<String> skus) {
        List<String> keys = skus.stream().filter(key -> key != null && !key.isBlank()).distinct().toList();
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache
                .withSession(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(BY_CODES, Object[].class)
                                .setParameter("model", SyncedModel.PRODUCT.odooModel())
                                .setParameter("keys", keys)
                                .getResultList()))
                .map(rows -> {
                    // Archived first and active last, so an active product wins over an archived one of the same SKU.
                    Map<String, Entry> found = new HashMap<>();
                    rows.forEach(row -> {
                        Entry entry = entry(SyncedModel.PRODUCT, row);
                        found.put(entry.code(), entry);
                    });
                    return found;
                });
    }

    /** When the cache last heard from Odoo about this model; empty before its first successful poll. */
    public Uni<Optional<Instant>> lastSynced(SyncedModel model) {
        return Panache
                .withSession(() -> Panache.getSession()
                        .chain(session -> session
                                .createNativeQuery("select last_success_at from {h-schema}odoo_sync_state where model = :model",
                                        Object.class)
                                .setParameter("model", model.odooModel())
                                .getResultList()))
                .map(rows -> rows.stream().filter(Objects::nonNull).findFirst().map(SyncValues::instant));
    }

    /** Looks a record of a master-data model up by its code ({@code code}) or barcode ({@code barcode}). */
    public Uni<Optional<Entry>> find(SyncedModel model, String column, String key) {
        if (model.kind() != SyncedModel.Kind.MASTER) {
            return Uni.createFrom().failure(new IllegalArgumentException(model.odooModel() + " is not master data"));
        }
        if (!column.equals("code") && !column.equals("barcode")) {
            return Uni.createFrom().failure(new IllegalArgumentException("Look-ups are by code or barcode: " + column));
        }
        if (key == null || key.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache
                .withSession(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(BY_CODE.formatted(column), Object[].class)
                                .setParameter("model", model.odooModel())
                                .setParameter("key", key)
                                .getResultList()))
                .map(rows -> rows.stream().findFirst().map(row -> entry(model, row)));
    }

    private Entry entry(SyncedModel model, Object[] row) {
        JsonNode data;
        try {
            data = json.readTree((String) row[5]);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable cached " + model.odooModel(), e);
        }
        return new Entry(model.odooModel(), ((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                (String) row[3], (Boolean) row[4], data, SyncValues.instant(row[6]), SyncValues.instant(row[7]),
                SyncValues.instant(row[8]));
    }

    /** How many records of each model the cache holds (active ones). */
    Uni<List<Object[]>> counts() {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        """
                                select model, count(*), count(*) filter (where active) from {h-schema}odoo_master_record group by model""",
                        Object[].class).getResultList()));
    }
}

package io.portage.odoo.sync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * odoo-sync's tables, in set-based statements that run inside the caller's transaction: the per-model state and
 * watermark, the followed records' last versions, and the master-data cache.
 */
@ApplicationScoped
class SyncStore {

    /** The version of a followed record Portage holds: when Odoo last wrote it, its state, events sent so far. */
    record Known(LocalDateTime writeDate, String state, long sequence) {
    }

    /** Serialises every change to one model's rows across threads and replicas (until the transaction ends). */
    private static final String LOCK_MODEL = "select cast(pg_advisory_xact_lock(hashtext('portage.odoo-sync'), hashtext(:model)) as varchar)";

    private static final String WATERMARK = "select cast(watermark as varchar) from {h-schema}odoo_sync_state where model = :model";

    private static final String ADVANCE = """
            insert into {h-schema}odoo_sync_state as s (model, watermark, records_seen, events_emitted)
            values (:model, :watermark, :seen, :emitted)
            on conflict (model) do update set
                watermark = greatest(s.watermark, excluded.watermark),
                records_seen = s.records_seen + excluded.records_seen,
                events_emitted = s.events_emitted + excluded.events_emitted""";

    private static final String POLLED = """
            insert into {h-schema}odoo_sync_state as s (model, last_attempt_at, last_success_at, loaded_at, last_error)
            values (:model, :now, cast(:success as timestamptz), cast(:success as timestamptz), cast(:error as varchar))
            on conflict (model) do update set
                last_attempt_at = excluded.last_attempt_at,
                last_success_at = coalesce(excluded.last_success_at, s.last_success_at),
                loaded_at = coalesce(s.loaded_at, excluded.loaded_at),
                last_error = excluded.last_error""";

    private static final String RESET = "update {h-schema}odoo_sync_state set watermark = null, loaded_at = null where model = :model";

    private static final String KNOWN = """
            select odoo_id, cast(write_date as varchar), state, sequence from {h-schema}odoo_change_record
            where model = :model and odoo_id = any(cast(:ids as bigint[]))""";

    private static final String RECORD_CHANGES = """
            insert into {h-schema}odoo_change_record as r (model, odoo_id, write_date, state, sequence)
            select :model, c.odoo_id, c.write_date, c.state, c.sequence
            from unnest(cast(:ids as bigint[]), cast(:dates as timestamp[]), cast(:states as varchar[]),
                        cast(:sequences as bigint[])) as c(odoo_id, write_date, state, sequence)
            on conflict (model, odoo_id) do update set
                write_date = excluded.write_date, state = excluded.state, sequence = excluded.sequence""";

    private static final String CACHE = """
            insert into {h-schema}odoo_master_record as m (model, odoo_id, code, barcode, name, active, data, write_date, synced_at)
            select :model, r.odoo_id, r.code, r.barcode, r.name, r.active, cast(r.data as jsonb), r.write_date, :now
            from unnest(cast(:ids as bigint[]), cast(:codes as varchar[]), cast(:barcodes as varchar[]),
                        cast(:names as varchar[]), cast(:actives as boolean[]), cast(:data as varchar[]),
                        cast(:dates as timestamp[])) as r(odoo_id, code, barcode, name, active, data, write_date)
            on conflict (model, odoo_id) do update set
                code = excluded.code, barcode = excluded.barcode, name = excluded.name, active = excluded.active,
                data = excluded.data, write_date = excluded.write_date, synced_at = excluded.synced_at
            where m.write_date < excluded.write_date or (m.write_date = excluded.write_date and m.data <> excluded.data)
            returning odoo_id""";

    Uni<Void> lock(Mutiny.Session session, SyncedModel model) {
        return session.createNativeQuery(LOCK_MODEL, String.class)
                .setParameter("model", model.odooModel())
                .getSingleResult()
                .replaceWithVoid();
    }

    /** The newest write_date read so far, or null before the first load. */
    Uni<LocalDateTime> watermark(Mutiny.Session session, SyncedModel model) {
        return session.createNativeQuery(WATERMARK, String.class)
                .setParameter("model", model.odooModel())
                .getResultList()
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? null : Timestamps.parse(rows.get(0)));
    }

    Uni<Void> advance(Mutiny.Session session, SyncedModel model, LocalDateTime watermark, int seen, int emitted) {
        return session.createNativeQuery(ADVANCE)
                .setParameter("model", model.odooModel())
                .setParameter("watermark", watermark)
                .setParameter("seen", (long) seen)
                .setParameter("emitted", (long) emitted)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Records how a poll ended: {@code error} null for a success. */
    Uni<Void> polled(SyncedModel model, Instant now, String error) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(POLLED)
                        .setParameter("model", model.odooModel())
                        .setParameter("now", now)
                        .setParameter("success", error == null ? now : null)
                        .setParameter("error", error == null ? null : truncate(error, 1000))
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** Forgets the watermark: the next poll reads the model from the start (master data) or the lookback (changes). */
    Uni<Integer> reset(SyncedModel model) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RESET)
                        .setParameter("model", model.odooModel())
                        .executeUpdate()));
    }

    Uni<Map<Long, Known>> known(Mutiny.Session session, SyncedModel model, Long[] ids) {
        return session.createNativeQuery(KNOWN, Object[].class)
                .setParameter("model", model.odooModel())
                .setParameter("ids", ids)
                .getResultList()
                .map(rows -> {
                    Map<Long, Known> known = new HashMap<>();
                    for (Object[] row : rows) {
                        known.put(((Number) row[0]).longValue(), new Known(Timestamps.parse((String) row[1]),
                                (String) row[2], ((Number) row[3]).longValue()));
                    }
                    return known;
                });
    }

    Uni<Void> recordChanges(Mutiny.Session session, SyncedModel model, Long[] ids, LocalDateTime[] dates,
            String[] states, Long[] sequences) {
        if (ids.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(RECORD_CHANGES)
                .setParameter("model", model.odooModel())
                .setParameter("ids", ids)
                .setParameter("dates", dates)
                .setParameter("states", states)
                .setParameter("sequences", sequences)
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Upserts master records newer than the cached ones, or as new but different (Odoo's write_date has second
     * precision: two writes in one second share it); answers how many changed.
     */
    Uni<Integer> cache(Mutiny.Session session, SyncedModel model, List<MasterRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return session.createNativeQuery(CACHE, Long.class)
                .setParameter("model", model.odooModel())
                .setParameter("ids", rows.stream().map(MasterRow::odooId).toArray(Long[]::new))
                .setParameter("codes", rows.stream().map(MasterRow::code).toArray(String[]::new))
                .setParameter("barcodes", rows.stream().map(MasterRow::barcode).toArray(String[]::new))
                .setParameter("names", rows.stream().map(MasterRow::name).toArray(String[]::new))
                .setParameter("actives", rows.stream().map(MasterRow::active).toArray(Boolean[]::new))
                .setParameter("data", rows.stream().map(MasterRow::data).toArray(String[]::new))
                .setParameter("dates", rows.stream().map(MasterRow::writeDate).toArray(LocalDateTime[]::new))
                .setParameter("now", now)
                .getResultList()
                .map(List::size);
    }

    /** One master record as it is cached. */
    record MasterRow(Long odooId, String code, String barcode, String name, Boolean active, String data,
            LocalDateTime writeDate) {
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

package io.portage.odoo.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Outbox;
import io.portage.odoo.sync.SyncStore.Known;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The followed transactional records (sales orders, transfers, invoices) of one polled page: the version held of each
 * recorded, and an ERP event staged in the outbox for each move into a state that is news, in the page's transaction;
 * a sales order found cancelled whose chatter shows a confirmation since the version held is announced confirmed first.
 */
@ApplicationScoped
class ChangeRecords {

    private final SyncStore store;
    private final Confirmations confirmations;
    private final Outbox outbox;
    private final OdooSyncConfig config;

    ChangeRecords(SyncStore store, Confirmations confirmations, Outbox outbox, OdooSyncConfig config) {
        this.store = store;
        this.confirmations = confirmations;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * For a page of sales orders, when the cancelled ones were confirmed (read before the page's transaction, so no
     * database transaction waits on Odoo): a cancelled order the poller never saw confirmed may have been confirmed
     * between two polls.
     */
    Uni<Map<Long, List<Instant>>> confirmationsOfCancelled(SyncedModel model, List<OdooRow> rows) {
        if (model != SyncedModel.SALE_ORDER) {
            return Uni.createFrom().item(Map.of());
        }
        List<Long> cancelled = rows.stream()
                .filter(row -> ChangeEvents.CANCELLED.equals(ChangeEvents.state(row)))
                .map(OdooRow::id)
                .distinct()
                .toList();
        return confirmations.of(cancelled);
    }

    /**
     * Keeps the newest version of each record; stages an event for each move into a state that is news. A sales order
     * found cancelled that was confirmed since the version held (per its chatter) is announced confirmed first, at the
     * time of its confirmation, then cancelled: whoever waits for the confirmation hears of it.
     */
    Uni<int[]> changes(Mutiny.Session session, SyncedModel model, List<OdooRow> rows,
            Map<Long, List<Instant>> confirmed) {
        Long[] ids = rows.stream().map(OdooRow::id).distinct().toArray(Long[]::new);
        return store.known(session, model, ids).chain(known -> {
            List<Long> changedIds = new ArrayList<>();
            List<LocalDateTime> dates = new ArrayList<>();
            List<String> states = new ArrayList<>();
            List<Long> sequences = new ArrayList<>();
            List<Uni<UUID>> staged = new ArrayList<>();
            for (OdooRow row : newestPerId(rows)) {
                Known held = known.get(row.id());
                if (held != null && !isNews(row, held)) {
                    continue;
                }
                long sequence = held == null ? 0 : held.sequence();
                Optional<ChangeEvents.Change> change = ChangeEvents.of(model, held == null ? null : held.state(), row,
                        config.instance());
                if (change.isPresent()) {
                    Optional<Instant> missed = ChangeEvents.confirmationMissed(held == null ? null : held.state(),
                            held == null ? null : held.writeDate().toInstant(ZoneOffset.UTC), row,
                            confirmed.getOrDefault(row.id(), List.of()));
                    if (missed.isPresent()) {
                        sequence++;
                        staged.add(stage(model, row, ChangeEvents.confirmed(row, missed.get(), config.instance()),
                                missed.get(), sequence));
                    }
                    sequence++;
                    staged.add(stage(model, row, change.get(), row.writeDate().toInstant(ZoneOffset.UTC), sequence));
                }
                changedIds.add(row.id());
                dates.add(row.writeDate());
                states.add(ChangeEvents.state(row));
                sequences.add(sequence);
            }
            Uni<Void> recorded = store.recordChanges(session, model, changedIds.toArray(Long[]::new),
                    dates.toArray(LocalDateTime[]::new), states.toArray(String[]::new), sequences.toArray(Long[]::new));
            int events = staged.size();
            int applied = changedIds.size();
            Uni<Void> all = staged.isEmpty()
                    ? recorded
                    : recorded.chain(() -> Multi.createFrom()
                            .iterable(staged)
                            .onItem()
                            .transformToUniAndConcatenate(uni -> uni)
                            .collect()
                            .last()
                            .replaceWithVoid());
            return all.map(ignored -> new int[]{applied, events});
        });
    }

    /**
     * Whether a read version is newer than the one held. Odoo's write_date has second precision, so two writes within
     * one second carry the same stamp: a version with the same write_date but another state is news too (a cancel right
     * after the confirmation), the same write_date and state is the version held, read again.
     */
    private static boolean isNews(OdooRow row, Known held) {
        int order = row.writeDate().compareTo(held.writeDate());
        return order > 0 || order == 0 && !Objects.equals(ChangeEvents.state(row), held.state());
    }

    private static List<OdooRow> newestPerId(List<OdooRow> rows) {
        Map<Long, OdooRow> newest = new LinkedHashMap<>();
        for (OdooRow row : rows) {
            newest.merge(row.id(), row, (a, b) -> b.writeDate().isAfter(a.writeDate()) ? b : a);
        }
        return new ArrayList<>(newest.values());
    }

    private Uni<UUID> stage(SyncedModel model, OdooRow row, ChangeEvents.Change change, Instant time, long sequence) {
        String subject = model.odooModel() + "/" + row.id();
        // One flow per ERP record: every event about it carries the same correlation id.
        String correlationId = UUID.nameUUIDFromBytes((config.instance() + ":" + subject)
                .getBytes(StandardCharsets.UTF_8)).toString();
        EventEnvelope envelope = new EventEnvelope(ChangeCapture.SOURCE, subject, time, correlationId, null, sequence);
        return outbox.stage(change.type(), change.data(), envelope);
    }
}

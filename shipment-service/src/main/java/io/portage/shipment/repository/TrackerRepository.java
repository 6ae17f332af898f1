package io.portage.shipment.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.tracking.MappedScan;
import io.portage.shipment.domain.tracking.Tracker;
import io.portage.shipment.domain.tracking.TrackingHistoryEntry;
import io.portage.shipment.domain.tracking.TrackingStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Trackers and their scans ({@code tracker}, {@code tracking_event}) in the {@code shipments} schema. */
@ApplicationScoped
public class TrackerRepository implements PanacheRepositoryBase<Tracker, UUID> {

    public Uni<List<Tracker>> byNumber(String carrier, String trackingNumber) {
        return find("carrier = ?1 and trackingNumber = ?2", carrier, trackingNumber).list();
    }

    public Uni<List<Tracker>> ofShipment(UUID shipmentId) {
        return find("shipmentId = ?1 order by shipDate desc", shipmentId).list();
    }

    /** Open trackers (not delivered or returned) not polled since {@code before}, oldest poll first. */
    public Uni<List<Tracker>> duePolls(Instant before, int limit) {
        return find("status not in ?1 and (lastPolledAt is null or lastPolledAt < ?2) order by lastPolledAt nulls first",
                List.of(TrackingStatus.DELIVERED, TrackingStatus.RETURNED), before).page(0, limit).list();
    }

    /** Open trackers whose last scan (or, without one, their start) is before {@code before}, oldest first. */
    public Uni<List<Tracker>> quietSince(Instant before, int limit) {
        return find("status not in ?1 and coalesce(lastEventAt, createdAt) < ?2 order by coalesce(lastEventAt, createdAt)",
                List.of(TrackingStatus.DELIVERED, TrackingStatus.RETURNED), before).page(0, limit).list();
    }

    /** Stores the scans not stored before (by raw code and time) and answers their keys: the first sightings. */
    public Uni<List<String>> storeNew(UUID trackerId, List<MappedScan> scans, String source, Instant now) {
        if (scans.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = scans.size();
        String[][] c = new String[7][n];
        for (int i = 0; i < n; i++) {
            MappedScan scan = scans.get(i);
            c[0][i] = scan.scan().rawCode();
            c[1][i] = scan.scan().rawMessage();
            c[2][i] = scan.occurredAt().toString();
            c[3][i] = scan.scan().city();
            c[4][i] = scan.scan().country();
            c[5][i] = scan.status().name();
            c[6][i] = scan.key();
        }
        return getSession().chain(session -> session.createNativeQuery(STORE_NEW, Object[].class)
                .setParameter("tracker", trackerId)
                .setParameter("codes", c[0])
                .setParameter("messages", c[1])
                .setParameter("times", c[2])
                .setParameter("cities", c[3])
                .setParameter("countries", c[4])
                .setParameter("statuses", c[5])
                .setParameter("source", source)
                .setParameter("now", now)
                .getResultList())
                .map(rows -> rows.stream().map(row -> row[0] + "@" + instant(row[1])).toList());
    }

    /** Marks the scans that moved the tracker (the others stay in the history as late or unknown). */
    public Uni<Integer> markApplied(UUID trackerId, List<MappedScan> applied) {
        if (applied.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery(MARK_APPLIED)
                .setParameter("tracker", trackerId)
                .setParameter("codes", applied.stream().map(s -> s.scan().rawCode()).toArray(String[]::new))
                .setParameter("times", applied.stream().map(s -> s.occurredAt().toString()).toArray(String[]::new))
                .executeUpdate());
    }

    public Uni<List<TrackingHistoryEntry>> history(UUID trackerId) {
        return getSession().chain(session -> session.createNativeQuery(HISTORY, Object[].class)
                .setParameter("tracker", trackerId)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new TrackingHistoryEntry((String) r[0], (String) r[1], instant(r[2]), (String) r[3],
                                (String) r[4],
                                (String) r[5], (Boolean) r[6], (String) r[7], instant(r[8])))
                        .toList());
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }

    private static final String STORE_NEW = """
            insert into {h-schema}tracking_event (tracker_id, raw_code, raw_message, occurred_at, city, country, status,
                applied, source, received_at)
            select :tracker, code, message, cast(occurred as timestamptz), city, country, status, false, :source, :now
            from unnest(cast(:codes as varchar[]), cast(:messages as varchar[]), cast(:times as varchar[]),
                cast(:cities as varchar[]), cast(:countries as varchar[]), cast(:statuses as varchar[]))
                as scan(code, message, occurred, city, country, status)
            on conflict (tracker_id, raw_code, occurred_at) do nothing
            returning raw_code, occurred_at""";

    private static final String MARK_APPLIED = """
            update {h-schema}tracking_event set applied = true
            where tracker_id = :tracker
              and (raw_code, occurred_at) in (select code, cast(occurred as timestamptz)
                  from unnest(cast(:codes as varchar[]), cast(:times as varchar[])) as scan(code, occurred))""";

    private static final String HISTORY = """
            select raw_code, raw_message, occurred_at, city, country, status, applied, source, received_at
            from {h-schema}tracking_event where tracker_id = :tracker order by occurred_at, id""";
}

package io.portage.shipment.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * The trackers of these carriers' numbers (every pair of the two lists is asked; the caller keeps its own), read
     * only and detached (Hibernate neither checks nor writes them at a flush, nor walks them before each query of the
     * transaction); {@link #saveRecorded} writes what recording changed.
     */
    public Uni<List<Tracker>> byNumbers(Collection<String> carriers, Collection<String> trackingNumbers) {
        return getSession().chain(session -> session
                .createSelectionQuery("from Tracker where carrier in :carriers and trackingNumber in :numbers",
                        Tracker.class)
                .setParameter("carriers", carriers)
                .setParameter("numbers", trackingNumbers)
                .setReadOnly(true)
                .getResultList()
                .invoke(found -> found.forEach(session::detach)));
    }

    /**
     * Writes the status and last scan time of trackers read by {@link #byNumbers}, in one statement, each only if no
     * one changed it since it was read (its version): otherwise the transaction fails with an
     * {@code OptimisticLockException} and is retried, as a version conflict at Hibernate's flush would be.
     */
    public Uni<Void> saveRecorded(Collection<Tracker> recorded) {
        if (recorded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = recorded.size();
        String[][] c = new String[4][n];
        int i = 0;
        for (Tracker tracker : recorded) {
            c[0][i] = tracker.id().toString();
            c[1][i] = tracker.status().name();
            c[2][i] = tracker.lastEventAt() == null ? null : tracker.lastEventAt().toString();
            c[3][i] = Long.toString(tracker.version());
            i++;
        }
        return getSession().chain(session -> session.createNativeQuery(SAVE_RECORDED)
                .setParameter("ids", c[0])
                .setParameter("statuses", c[1])
                .setParameter("lasts", c[2])
                .setParameter("versions", c[3])
                .executeUpdate())
                .invoke(updated -> VersionedUpdate.requireAll(updated, n, "trackers", "their scans were recorded"))
                .replaceWithVoid();
    }

    /**
     * Stores the scans not stored before (by tracker, raw code and time), of any number of trackers in one statement,
     * those keyed in {@code applied} marked applied, and answers their keys ({@code <tracker id>|<scan key>}): the
     * first sightings.
     */
    public Uni<Set<String>> storeNew(Map<UUID, List<MappedScan>> scans, Set<String> applied, String source,
            Instant now) {
        int n = scans.values().stream().mapToInt(List::size).sum();
        if (n == 0) {
            return Uni.createFrom().item(Set.of());
        }
        String[][] c = new String[8][n];
        int i = 0;
        for (Map.Entry<UUID, List<MappedScan>> entry : scans.entrySet()) {
            for (MappedScan scan : entry.getValue()) {
                c[0][i] = entry.getKey().toString();
                c[1][i] = scan.scan().rawCode();
                c[2][i] = scan.scan().rawMessage();
                c[3][i] = scan.occurredAt().toString();
                c[4][i] = scan.scan().city();
                c[5][i] = scan.scan().country();
                c[6][i] = scan.status().name();
                c[7][i] = Boolean.toString(applied.contains(entry.getKey() + "|" + scan.key()));
                i++;
            }
        }
        return getSession().chain(session -> session.createNativeQuery(STORE_NEW, Object[].class)
                .setParameter("trackers", c[0])
                .setParameter("codes", c[1])
                .setParameter("messages", c[2])
                .setParameter("times", c[3])
                .setParameter("cities", c[4])
                .setParameter("countries", c[5])
                .setParameter("statuses", c[6])
                .setParameter("applied", c[7])
                .setParameter("source", source)
                .setParameter("now", now)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> row[0] + "|" + row[1] + "@" + instant(row[2]))
                        .collect(Collectors.toSet()));
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
            select cast(tracker as uuid), code, message, cast(occurred as timestamptz), city, country, status,
                cast(applied as boolean), :source, :now
            from unnest(cast(:trackers as varchar[]), cast(:codes as varchar[]), cast(:messages as varchar[]),
                cast(:times as varchar[]), cast(:cities as varchar[]), cast(:countries as varchar[]),
                cast(:statuses as varchar[]), cast(:applied as varchar[]))
                as scan(tracker, code, message, occurred, city, country, status, applied)
            on conflict (tracker_id, raw_code, occurred_at) do nothing
            returning tracker_id, raw_code, occurred_at""";

    private static final String SAVE_RECORDED = """
            update {h-schema}tracker t set status = u.status, last_event_at = cast(u.last as timestamptz),
                version = t.version + 1
            from unnest(cast(:ids as varchar[]), cast(:statuses as varchar[]), cast(:lasts as varchar[]),
                cast(:versions as varchar[])) as u(id, status, last, version)
            where t.id = cast(u.id as uuid) and t.version = cast(u.version as bigint)""";

    private static final String HISTORY = """
            select raw_code, raw_message, occurred_at, city, country, status, applied, source, received_at
            from {h-schema}tracking_event where tracker_id = :tracker order by occurred_at, id""";
}

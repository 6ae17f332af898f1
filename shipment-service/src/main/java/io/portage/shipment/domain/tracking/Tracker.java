package io.portage.shipment.domain.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The tracking of one dispatched shipment with one carrier: keyed by carrier, tracking number and ship date, so a
 * number the carrier reuses later never merges two shipments; its status only moves forward.
 */
@Entity
@Table(name = "tracker")
public class Tracker {

    /** How long before and after its ship date a scan still belongs to a tracker. */
    public static final Duration BEFORE = Duration.ofDays(2);
    public static final Duration AFTER = Duration.ofDays(120);

    @Id
    private UUID id;
    @Column(name = "shipment_id")
    private UUID shipmentId;
    private String carrier;
    @Column(name = "tracking_number")
    private String trackingNumber;
    @Column(name = "ship_date")
    private LocalDate shipDate;
    @Enumerated(EnumType.STRING)
    private TrackingStatus status;
    @Column(name = "last_event_at")
    private Instant lastEventAt;
    @Column(name = "last_polled_at")
    private Instant lastPolledAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Tracker() {
    }

    public static Tracker start(UUID shipmentId, String carrier, String trackingNumber, LocalDate shipDate, Instant now) {
        Tracker tracker = new Tracker();
        tracker.id = UUID.randomUUID();
        tracker.shipmentId = shipmentId;
        tracker.carrier = carrier;
        tracker.trackingNumber = trackingNumber;
        tracker.shipDate = shipDate;
        tracker.status = TrackingStatus.PRE_TRANSIT;
        tracker.createdAt = now;
        return tracker;
    }

    /** Whether a scan at {@code occurredAt} falls in this tracker's ship-date window. */
    public boolean holds(Instant occurredAt) {
        Instant shipped = shipDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        return !occurredAt.isBefore(shipped.minus(BEFORE)) && occurredAt.isBefore(shipped.plus(AFTER));
    }

    /** Of the trackers of one carrier and number, the one whose window holds the scan (the latest ship date first). */
    public static Tracker pick(List<Tracker> sameNumber, Instant occurredAt) {
        return sameNumber.stream()
                .filter(tracker -> tracker.holds(occurredAt))
                .max(Comparator.comparing((Tracker tracker) -> tracker.shipDate))
                .orElse(null);
    }

    /** What applying scans to a tracker gives: its status and last scan time after, and the scans that moved it. */
    public record Outcome(TrackingStatus status, Instant lastEventAt, List<MappedScan> moved) {
    }

    /**
     * What {@link #apply} would do with these scans, leaving the tracker as it is: oldest first, a scan moves the status
     * when it ranks at least as high as the status then, otherwise it is late (history only).
     */
    public Outcome trial(List<MappedScan> fresh) {
        TrackingStatus next = status;
        Instant last = lastEventAt;
        List<MappedScan> moved = new ArrayList<>();
        for (MappedScan scan : fresh.stream().sorted(Comparator.comparing(MappedScan::occurredAt)).toList()) {
            if (last == null || scan.occurredAt().isAfter(last)) {
                last = scan.occurredAt();
            }
            if (scan.status() != TrackingStatus.UNKNOWN && scan.status().rank() >= next.rank()
                    && !(next.terminal() && scan.status() == next)) {
                next = scan.status();
                moved.add(scan);
            }
        }
        return new Outcome(next, last, moved);
    }

    /**
     * Applies scans seen for the first time (duplicates are the caller's to drop) as {@link #trial} says. Answers the
     * scans applied, which are the ones to publish.
     */
    public List<MappedScan> apply(List<MappedScan> fresh) {
        Outcome outcome = trial(fresh);
        status = outcome.status();
        lastEventAt = outcome.lastEventAt();
        return outcome.moved();
    }

    public void polled(Instant now) {
        lastPolledAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public LocalDate shipDate() {
        return shipDate;
    }

    public TrackingStatus status() {
        return status;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }

    public Instant lastPolledAt() {
        return lastPolledAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The version this tracker was read at (optimistic locking). */
    public long version() {
        return version;
    }

    /** Whether no scan came for longer than {@code staleAfter} (counted from the start when none came at all). */
    public boolean stale(Instant now, Duration staleAfter) {
        Instant since = lastEventAt != null ? lastEventAt : createdAt;
        return !status.terminal() && since.plus(staleAfter).isBefore(now);
    }
}

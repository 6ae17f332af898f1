package io.portage.yard.messaging;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.warehouse.YardScanRecorded;
import io.portage.kit.events.OneTypeHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.yard.domain.YardScan;
import io.portage.yard.service.VisitService;
import io.smallrye.mutiny.Uni;

/**
 * Consumer {@value #CONSUMER}: reads {@code io.portage.warehouse.yard-scan-recorded.v1} from {@code portage.warehouse}
 * into {@link YardScan}s (other types: nothing) and applies them with {@link VisitService}. Unordered: a visit is the
 * same whatever the order of its scans.
 */
@Singleton
public class YardScanHandler extends OneTypeHandler<YardScanRecorded, YardScan> {

    public static final String CONSUMER = "yard-service.warehouse";

    private final VisitService visits;

    public YardScanHandler(VisitService visits, ObjectMapper json) {
        super(CONSUMER, EventCatalog.YARD_SCAN_RECORDED_V1, YardScanRecorded.class, json);
        this.visits = visits;
    }

    @Override
    protected YardScan item(SequencedEvent event, YardScanRecorded scan) {
        if (scan.visitId() == null || scan.site() == null || scan.movement() == null
                || scan.occurredAt() == null) {
            throw new IllegalArgumentException("a yard scan needs visitId, site, movement and occurredAt");
        }
        return new YardScan(event.eventId(), scan.visitId(), scan.site(),
                YardScan.Movement.valueOf(scan.movement().name()), scan.occurredAt(), scan.appointmentRef(), scan.carrier(),
                scan.driver(), scan.trailerNumber(), scan.sealNumber(), scan.yardSpot(), scan.door(),
                scan.swappedTrailerNumber());
    }

    @Override
    public String inboxKey(YardScan scan) {
        return scan.scanId();
    }

    @Override
    public Uni<Applied<YardScan>> apply(List<YardScan> fresh) {
        return visits.apply(fresh).map(changed -> Applied.all(fresh.size() + " scans on " + changed + " visits"));
    }
}

package io.portage.finance.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.CarrierCharge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Confirmed carrier charges in the {@code finance} schema. */
@ApplicationScoped
public class CarrierChargeRepository implements PanacheRepositoryBase<CarrierCharge, UUID> {

    /** A carrier's charges, the latest first, of one tracking number when given. */
    public Uni<List<CarrierCharge>> ofCarrier(String carrier, String trackingNumber, int limit) {
        return (trackingNumber == null
                ? find("carrier = ?1 order by confirmedAt desc, id", carrier)
                : find("carrier = ?1 and trackingNumber = ?2 order by confirmedAt desc, id", carrier, trackingNumber))
                .page(0, limit)
                .list();
    }

    /** Charges whose accrual is to post, or to reverse (billed), oldest first. */
    public Uni<List<CarrierCharge>> accrualWork(int limit) {
        return find("accrualStatus = ?1 or (accrualStatus = ?2 and billedBy is not null and reversalMoveId is null)"
                + " order by confirmedAt, id", CarrierCharge.AccrualStatus.PENDING, CarrierCharge.AccrualStatus.POSTED)
                .page(0, limit)
                .list();
    }

    public Uni<List<CarrierCharge>> ofShipments(Collection<String> shipmentIds) {
        return list("shipmentId in ?1", shipmentIds);
    }

    /** The detention charges of these appointments, whatever their carrier. */
    public Uni<List<CarrierCharge>> detentionsOf(Collection<String> appointmentIds) {
        return list("kind = ?1 and trackingNumber in ?2", CarrierCharge.Kind.DETENTION.name(), appointmentIds);
    }

    /** A carrier's charges of one kind with these tracking numbers. */
    public Uni<List<CarrierCharge>> ofKind(CarrierCharge.Kind kind, Collection<String> trackingNumbers) {
        return list("kind = ?1 and trackingNumber in ?2", kind.name(), trackingNumbers);
    }

    public Uni<List<CarrierCharge>> ofTrackingNumbers(String carrier, Collection<String> trackingNumbers) {
        return list("carrier = ?1 and trackingNumber in ?2", carrier, trackingNumbers);
    }

    /**
     * Marks a carrier's charges with these tracking numbers as billed by the invoice (those not billed before: their
     * accruals are then reversed), in one statement.
     */
    public Uni<Void> markBilled(String carrier, Collection<String> trackingNumbers, UUID invoiceId) {
        return getSession().chain(session -> session.createNativeQuery("""
                update {h-schema}carrier_charge set billed_by = cast(:invoice as uuid)
                where carrier = :carrier and tracking_number = any(cast(:tracking as varchar[])) and billed_by is null""")
                .setParameter("invoice", invoiceId.toString())
                .setParameter("carrier", carrier)
                .setParameter("tracking", trackingNumbers.toArray(String[]::new))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** A carrier's charges with these tracking numbers, detached (to read: a change to them is not written). */
    public Uni<List<CarrierCharge>> ofTrackingNumbersReadOnly(String carrier, Collection<String> trackingNumbers) {
        return Detached.list(CarrierCharge.class, "from CarrierCharge where carrier = :carrier"
                + " and trackingNumber in :tracking", Map.of("carrier", carrier, "tracking", trackingNumbers), 0);
    }
}

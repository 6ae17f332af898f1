package io.portage.finance.repository;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.CarrierInvoiceLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Carrier invoice lines in the {@code finance} schema. A batch's lines are many (10,000 a file): they are written with
 * one statement per kind and read detached, never as thousands of managed entities.
 */
@ApplicationScoped
public class CarrierInvoiceLineRepository implements PanacheRepositoryBase<CarrierInvoiceLine, UUID> {

    /** The next {@code limit} lines of a batch still to audit, in the order received, detached. */
    public Uni<List<CarrierInvoiceLine>> pending(UUID batchId, int limit) {
        return Detached.list(CarrierInvoiceLine.class, "from CarrierInvoiceLine where batchId = :batch and status = :status"
                + " order by position", Map.of("batch", batchId, "status", CarrierInvoiceLine.Status.PENDING), limit);
    }

    /** Which of these tracking numbers the carrier billed on a line already audited. */
    public Uni<List<String>> alreadyBilled(String carrier, Collection<String> trackingNumbers) {
        return find("carrier = ?1 and trackingNumber in ?2 and status <> ?3", carrier, trackingNumbers,
                CarrierInvoiceLine.Status.PENDING).project(TrackingOnly.class)
                .list()
                .map(rows -> rows.stream().map(TrackingOnly::trackingNumber).toList());
    }

    public Uni<List<CarrierInvoiceLine>> ofInvoice(UUID invoiceId) {
        return list("invoiceId = ?1 order by lineNumber", invoiceId);
    }

    /** A batch's lines in the order received, detached (to read: a change to them is not written). */
    public Uni<List<CarrierInvoiceLine>> ofBatch(UUID batchId) {
        return Detached.list(CarrierInvoiceLine.class, "from CarrierInvoiceLine where batchId = :batch order by position",
                Map.of("batch", batchId), 0);
    }

    /** Inserts received lines, their invoices already written, in one statement. */
    public Uni<Void> insertAll(List<CarrierInvoiceLine> received) {
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return getSession().chain(session -> {
            var insert = session.createNativeQuery(INSERT);
            column(received, "ids", CarrierInvoiceLine::id, insert::setParameter);
            column(received, "invoiceIds", CarrierInvoiceLine::invoiceId, insert::setParameter);
            column(received, "batchIds", CarrierInvoiceLine::batchId, insert::setParameter);
            column(received, "positions", CarrierInvoiceLine::position, insert::setParameter);
            column(received, "lineNumbers", CarrierInvoiceLine::lineNumber, insert::setParameter);
            column(received, "carriers", CarrierInvoiceLine::carrier, insert::setParameter);
            column(received, "trackingNumbers", CarrierInvoiceLine::trackingNumber, insert::setParameter);
            column(received, "shipDates", CarrierInvoiceLine::shipDate, insert::setParameter);
            column(received, "origins", line -> line.lane() == null ? null : line.lane().origin(), insert::setParameter);
            column(received, "destinations", line -> line.lane() == null ? null : line.lane().destination(),
                    insert::setParameter);
            column(received, "services", CarrierInvoiceLine::service, insert::setParameter);
            column(received, "declared", line -> plain(line.declaredWeightKg()), insert::setParameter);
            column(received, "billed", line -> plain(line.billedWeightKg()), insert::setParameter);
            column(received, "freights", line -> plain(line.freight()), insert::setParameter);
            column(received, "fuels", line -> plain(line.fuel()), insert::setParameter);
            column(received, "accessorials", CarrierInvoiceLine::accessorialsJson, insert::setParameter);
            column(received, "totals", line -> plain(line.total()), insert::setParameter);
            column(received, "currencies", CarrierInvoiceLine::currency, insert::setParameter);
            column(received, "statuses", CarrierInvoiceLine::status, insert::setParameter);
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    /** Writes the verdicts of lines read by {@link #pending} and judged, in one statement. */
    public Uni<Void> recordVerdicts(List<CarrierInvoiceLine> judged) {
        if (judged.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return getSession().chain(session -> {
            var update = session.createNativeQuery(RECORD_VERDICTS);
            column(judged, "ids", CarrierInvoiceLine::id, update::setParameter);
            column(judged, "statuses", CarrierInvoiceLine::status, update::setParameter);
            column(judged, "classes", CarrierInvoiceLine::disputeClass, update::setParameter);
            column(judged, "expected", line -> plain(line.expected()), update::setParameter);
            column(judged, "evidence", CarrierInvoiceLine::evidenceJson, update::setParameter);
            column(judged, "auditedAt", CarrierInvoiceLine::auditedAt, update::setParameter);
            return update.executeUpdate();
        }).replaceWithVoid();
    }

    /** One column of the lines as the text array a statement unnests (null stays null). */
    private static void column(List<CarrierInvoiceLine> rows, String name, Function<CarrierInvoiceLine, Object> value,
            BiConsumer<String, Object> parameter) {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = value.apply(rows.get(i));
            values[i] = v == null ? null : v.toString();
        }
        parameter.accept(name, values);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static final String INSERT = """
            insert into {h-schema}carrier_invoice_line (id, invoice_id, batch_id, position, line_number, carrier,
                tracking_number, ship_date, origin_country, destination_country, service, declared_weight_kg,
                billed_weight_kg, freight, fuel, accessorials, total, currency, status)
            select cast(id as uuid), cast(invoice_id as uuid), cast(batch_id as uuid), cast(position as integer),
                cast(line_number as integer), carrier, tracking_number, cast(ship_date as date), origin, destination,
                service, cast(declared as numeric), cast(billed as numeric), cast(freight as numeric),
                cast(fuel as numeric), accessorials, cast(total as numeric), currency, status
            from unnest(cast(:ids as varchar[]), cast(:invoiceIds as varchar[]), cast(:batchIds as varchar[]),
                cast(:positions as varchar[]), cast(:lineNumbers as varchar[]), cast(:carriers as varchar[]),
                cast(:trackingNumbers as varchar[]), cast(:shipDates as varchar[]), cast(:origins as varchar[]),
                cast(:destinations as varchar[]), cast(:services as varchar[]), cast(:declared as varchar[]),
                cast(:billed as varchar[]), cast(:freights as varchar[]), cast(:fuels as varchar[]),
                cast(:accessorials as varchar[]), cast(:totals as varchar[]), cast(:currencies as varchar[]),
                cast(:statuses as varchar[]))
                as received(id, invoice_id, batch_id, position, line_number, carrier, tracking_number, ship_date,
                    origin, destination, service, declared, billed, freight, fuel, accessorials, total, currency,
                    status)""";

    private static final String RECORD_VERDICTS = """
            update {h-schema}carrier_invoice_line l set status = u.status, dispute_class = u.dispute_class,
                expected = cast(u.expected as numeric), evidence = u.evidence,
                audited_at = cast(u.audited_at as timestamptz)
            from unnest(cast(:ids as varchar[]), cast(:statuses as varchar[]), cast(:classes as varchar[]),
                cast(:expected as varchar[]), cast(:evidence as varchar[]), cast(:auditedAt as varchar[]))
                as u(id, status, dispute_class, expected, evidence, audited_at)
            where l.id = cast(u.id as uuid)""";

    /** A line's tracking number alone. */
    public record TrackingOnly(String trackingNumber) {
    }
}

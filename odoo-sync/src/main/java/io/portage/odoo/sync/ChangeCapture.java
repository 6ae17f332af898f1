package io.portage.odoo.sync;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooDates;
import io.portage.odoo.connector.transport.OdooVersion;
import io.portage.odoo.sync.SyncStore.MasterRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Change capture out of Odoo and the master-data cache, one mechanism for both: per model, a poll reads every record
 * whose {@code write_date} is at or after the watermark minus the overlap, page by page in (write_date, id) order (keyset
 * paging, so records written during the poll are neither skipped nor looped over), and applies each page in one
 * transaction that also advances the watermark. A record is news only when its write_date is newer than the version
 * held, so the overlap and the webhook fast path never apply a version twice; a restart resumes from the committed
 * watermark, so nothing is missed.
 */
@ApplicationScoped
public class ChangeCapture {

    private static final Logger LOG = Logger.getLogger(ChangeCapture.class);
    static final URI SOURCE = URI.create("urn:portage:odoo-sync");

    private final OdooClient odoo;
    private final SyncStore store;
    private final ChangeRecords records;
    private final OdooInstances instances;
    private final OdooSyncConfig config;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public ChangeCapture(OdooClient odoo, SyncStore store, ChangeRecords records, OdooInstances instances,
            OdooSyncConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.instances = instances;
        this.odoo = odoo;
        this.store = store;
        this.records = records;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
    }

    /** What one poll of one model did. */
    public record PollResult(SyncedModel model, int read, int applied, int events) {
    }

    /** The models this instance follows, by configuration. */
    public List<SyncedModel> followed() {
        List<SyncedModel> models = new ArrayList<>();
        for (SyncedModel model : SyncedModel.values()) {
            if (model.kind() == SyncedModel.Kind.MASTER ? config.masterData() : config.changes()) {
                models.add(model);
            }
        }
        return models;
    }

    /**
     * Polls every followed model in turn; one model's failure is recorded and does not stop the others. The Odoo
     * instance is checked first: while the Odoo at the configured address is another instance than the bound one,
     * every model's poll fails with that reason (visible in the status) and reads nothing. When the check itself
     * cannot reach Odoo, the polls run into the same outage and record it.
     */
    public Uni<List<PollResult>> pollAll() {
        return instances.check()
                .onFailure()
                .invoke(failure -> LOG.debugf("Checking the Odoo instance failed: %s",
                        failure.toString()))
                .onFailure()
                .recoverWithNull()
                .chain(status -> Multi.createFrom()
                        .iterable(followed())
                        .onItem()
                        .transformToUniAndConcatenate(model -> poll(model, status)
                                .onFailure()
                                .recoverWithNull())
                        .select()
                        .where(result -> result != null)
                        .collect()
                        .asList());
    }

    /**
     * Reads one model's changes since its watermark (minus the overlap) and applies them page by page, once the Odoo
     * instance is checked to be the bound one.
     */
    public Uni<PollResult> poll(SyncedModel model) {
        return poll(model, null);
    }

    /** With {@code instance} the outcome of a check just made, or null to check first. */
    private Uni<PollResult> poll(SyncedModel model, OdooInstances.InstanceStatus instance) {
        Instant started = clock.instant();
        Uni<?> bound = instance == null
                ? instances.requireBound()
                : instance.changed()
                        ? Uni.createFrom().failure(new OdooInstanceChangedException(instance.bound(), instance.seen()))
                        : Uni.createFrom().voidItem();
        return bound.chain(() -> CallerContext.emitOnCaller(odoo.version()))
                .chain(version -> Panache
                        .withSession(() -> Panache.getSession().chain(session -> store.watermark(session, model)))
                        .chain(watermark -> readFrom(model, version, start(model, watermark, started))))
                .call(result -> store.polled(model, clock.instant(), null))
                .invoke(result -> {
                    if (result.read() > 0) {
                        LOG.debugf("Polled %s: %d read, %d applied, %d events", model.odooModel(), result.read(),
                                result.applied(), result.events());
                    }
                })
                .onFailure()
                .call(failure -> {
                    LOG.warnf("Polling Odoo %s failed: %s", model.odooModel(), failure.toString());
                    metrics.counter("portage.odoo.sync.failures", "model", model.odooModel()).increment();
                    return store.polled(model, clock.instant(), failure.toString()).onFailure().recoverWithNull();
                });
    }

    private LocalDateTime start(SyncedModel model, LocalDateTime watermark, Instant now) {
        if (watermark != null) {
            return watermark.minus(config.overlap());
        }
        return model.kind() == SyncedModel.Kind.MASTER
                ? null
                : LocalDateTime.ofInstant(now.minus(config.initialLookback()), ZoneOffset.UTC);
    }

    /** Keyset paging from {@code since}: the first page by write_date, then strictly after the last (write_date, id). */
    private Uni<PollResult> readFrom(SyncedModel model, OdooVersion version, LocalDateTime since) {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger events = new AtomicInteger();
        Cursor first = new Cursor(since, 0);
        return Multi.createBy()
                .repeating()
                .uni(() -> new Cursor[]{first}, cursor -> page(model, version, cursor[0]).call(rows -> {
                    read.addAndGet(rows.size());
                    if (!rows.isEmpty()) {
                        OdooRow last = rows.get(rows.size() - 1);
                        cursor[0] = new Cursor(last.writeDate(), last.id());
                    }
                    return apply(model, rows, true).invoke(outcome -> {
                        applied.addAndGet(outcome[0]);
                        events.addAndGet(outcome[1]);
                    });
                }))
                .whilst(rows -> rows.size() == config.pageSize())
                .collect()
                .last()
                .map(ignored -> new PollResult(model, read.get(), applied.get(), events.get()));
    }

    private record Cursor(LocalDateTime writeDate, long id) {
    }

    private Uni<List<OdooRow>> page(SyncedModel model, OdooVersion version, Cursor cursor) {
        List<Object> domain = new ArrayList<>();
        if (cursor.writeDate() != null) {
            String date = OdooDates.format(cursor.writeDate().toInstant(ZoneOffset.UTC));
            if (cursor.id() == 0) {
                domain.add(List.of("write_date", ">=", date));
            } else {
                domain.add("|");
                domain.add(List.of("write_date", ">", date));
                domain.add("&");
                domain.add(List.of("write_date", "=", date));
                domain.add(List.of("id", ">", cursor.id()));
            }
        }
        if (model.archivable()) {
            domain.add(List.of("active", "in", List.of(true, false)));
        }
        return CallerContext.emitOnCaller(odoo.calls()
                .searchRead(model.odooModel(), domain, model.fields(version), 0, config.pageSize(), "write_date, id")
                .map(nodes -> nodes.stream().map(OdooRow::new).toList()));
    }

    /**
     * The webhook's fast path: reads the named records back from Odoo and applies what is news, without touching the
     * watermark (the poller still reads them; it will find them applied).
     */
    public Uni<PollResult> refresh(SyncedModel model, List<Long> ids) {
        if (!followed().contains(model) || ids.isEmpty()) {
            return Uni.createFrom().item(new PollResult(model, 0, 0, 0));
        }
        return instances.requireBound()
                .chain(() -> CallerContext.emitOnCaller(odoo.version()
                        .chain(version -> odoo.calls().read(model.odooModel(), ids, model.fields(version)))
                        .map(nodes -> nodes.stream().map(OdooRow::new).toList())))
                .chain(rows -> apply(model, rows, false)
                        .map(outcome -> new PollResult(model, rows.size(), outcome[0], outcome[1])));
    }

    /** Applies one page in one transaction: {applied, events}. */
    private Uni<int[]> apply(SyncedModel model, List<OdooRow> rows, boolean advance) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(new int[]{0, 0});
        }
        LocalDateTime newest = rows.stream().map(OdooRow::writeDate).max(LocalDateTime::compareTo).orElseThrow();
        return records.confirmationsOfCancelled(model, rows)
                .chain(confirmed -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> store.lock(session, model)
                                .chain(() -> model.kind() == SyncedModel.Kind.MASTER
                                        ? cache(session, model, rows).map(count -> new int[]{count, 0})
                                        : records.changes(session, model, rows, confirmed))
                                .call(outcome -> advance
                                        ? store.advance(session, model, newest, rows.size(), outcome[1])
                                        : Uni.createFrom().voidItem()))))
                .invoke(outcome -> {
                    metrics.counter("portage.odoo.sync.records", "model", model.odooModel()).increment(outcome[0]);
                    metrics.counter("portage.odoo.sync.events", "model", model.odooModel()).increment(outcome[1]);
                });
    }

    private Uni<Integer> cache(Mutiny.Session session, SyncedModel model, List<OdooRow> rows) {
        List<MasterRow> cached = new ArrayList<>(rows.size());
        for (OdooRow row : rows) {
            String data;
            try {
                data = json.writeValueAsString(row.node());
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
            String name = row.string("name");
            cached.add(new MasterRow(row.id(), model.codeField() == null ? null : row.string(model.codeField()),
                    model.barcodeField() == null ? null : row.string(model.barcodeField()),
                    name == null ? "" : name, !model.archivable() || row.bool("active"), data, row.writeDate()));
        }
        return store.cache(session, model, cached, clock.instant());
    }
}

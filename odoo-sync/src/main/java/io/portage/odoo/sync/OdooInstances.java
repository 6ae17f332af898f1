package io.portage.odoo.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.OdooInstance;
import io.portage.odoo.connector.ops.OdooOperations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Which Odoo instance Portage's Odoo ids belong to, and whether the Odoo at the configured address is still that one.
 * The first instance reached is bound; a different one seen later (a restored copy, staging swapped for production) is
 * recorded beside it and holds every write ({@link #requireBound()}) and every poll until an operator confirms it, which
 * drops the cache, the followed records and the watermarks of the old one (or keeps them, when the operator says it is
 * the same database moved to another address, or upgraded to a new major version). Checked at every poll and before
 * every batch of writes.
 */
@ApplicationScoped
public class OdooInstances {

    private static final Logger LOG = Logger.getLogger(OdooInstances.class);

    private static final String COLUMNS = """
            url, database_name, server_version, serie, database_created, bound_at, bound_by,
            seen_url, seen_database_name, seen_server_version, seen_serie, seen_database_created, seen_at""";
    private static final String SELECT = "select " + COLUMNS + " from {h-schema}odoo_instance where id = 1";
    private static final String BIND_FIRST = """
            insert into {h-schema}odoo_instance (id, fingerprint, url, database_name, server_version, serie,
                                                 database_created, bound_at, bound_by)
            values (1, :fingerprint, :url, :database, :version, :serie, :created, :now, :by)
            on conflict (id) do nothing""";
    private static final String SEEN = """
            update {h-schema}odoo_instance set seen_fingerprint = :fingerprint, seen_url = :url,
                seen_database_name = :database, seen_server_version = :version, seen_serie = :serie,
                seen_database_created = :created, seen_at = :now
            where id = 1""";
    private static final String SAME = """
            update {h-schema}odoo_instance set server_version = :version, seen_fingerprint = null, seen_url = null,
                seen_database_name = null, seen_server_version = null, seen_serie = null, seen_database_created = null,
                seen_at = null
            where id = 1 and (server_version is distinct from :version or seen_fingerprint is not null)""";
    private static final String REBIND = """
            update {h-schema}odoo_instance set fingerprint = seen_fingerprint, url = seen_url,
                database_name = seen_database_name, server_version = seen_server_version, serie = seen_serie,
                database_created = seen_database_created, bound_at = :now, bound_by = :by, seen_fingerprint = null,
                seen_url = null, seen_database_name = null, seen_server_version = null, seen_serie = null,
                seen_database_created = null, seen_at = null
            where id = 1""";
    private static final List<String> FORGET = List.of("delete from {h-schema}odoo_master_record",
            "delete from {h-schema}odoo_change_record", "delete from {h-schema}odoo_sync_state");

    /** What is known of the instances: the bound one, a different one seen at the configured address, when checked. */
    @RegisterForReflection
    public record InstanceStatus(String state, OdooInstance bound, String boundFingerprint, Instant boundAt, String boundBy,
            OdooInstance seen, String seenFingerprint, Instant seenAt, Instant checkedAt) {

        static final String UNCHECKED = "unchecked";
        static final String BOUND = "bound";
        static final String CHANGED = "changed";

        boolean changed() {
            return CHANGED.equals(state);
        }
    }

    /** Fired after an operator confirmed a new instance, for hosts that hold Odoo ids of their own. */
    public record Rebound(OdooInstance previous, OdooInstance current, boolean keptData, String operator) {
    }

    private final OdooOperations operations;
    private final OdooSyncConfig config;
    private final Confirmations confirmations;
    private final Event<Rebound> rebound;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<InstanceStatus> last = new AtomicReference<>(
            new InstanceStatus(InstanceStatus.UNCHECKED, null, null, null, null, null, null, null, null));

    OdooInstances(OdooOperations operations, OdooSyncConfig config, Confirmations confirmations,
            Event<Rebound> rebound) {
        this.operations = operations;
        this.config = config;
        this.confirmations = confirmations;
        this.rebound = rebound;
    }

    /** The last check's outcome, without calling Odoo. */
    public InstanceStatus status() {
        return last.get();
    }

    /** Reads the instance at the configured address and compares it with the bound one (binding the first). */
    public Uni<InstanceStatus> check() {
        return current().chain(current -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> record(session, current)))).invoke(this::remember);
    }

    /**
     * The bound instance, when the Odoo at the configured address is it, checked now (one read of
     * {@code res.company}: a restored database can appear between any two calls, and a write with the old ids there
     * would be wrong without a word); fails with {@link OdooInstanceChangedException} when it is another.
     */
    public Uni<InstanceStatus> requireBound() {
        return check().chain(checked -> checked.changed()
                ? Uni.createFrom().failure(new OdooInstanceChangedException(checked.bound(), checked.seen()))
                : Uni.createFrom().item(checked));
    }

    /**
     * An operator's confirmation that the instance seen is the one to work with from now on. The fingerprint must be the
     * one seen (so the operator confirms what they looked at); {@code keepData} keeps the cache, the followed records and
     * the watermarks (the same database at another address), otherwise they are dropped and reloaded from the new one.
     */
    public Uni<InstanceStatus> confirm(String fingerprint, boolean keepData, String operator) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> load(session).chain(status -> {
            if (!status.changed()) {
                return Uni.createFrom()
                        .failure(new ConfirmationRefused(
                                "No other Odoo instance has been seen: nothing to confirm (bound: "
                                        + status.boundFingerprint() + ")"));
            }
            if (!status.seenFingerprint().equals(fingerprint)) {
                return Uni.createFrom()
                        .failure(new ConfirmationRefused("The instance seen is " + status.seenFingerprint()
                                + ", not " + fingerprint + ": check GET /ops/odoo-sync/instance again"));
            }
            Uni<Integer> rebind = session.createNativeQuery(REBIND)
                    .setParameter("now", clock.instant())
                    .setParameter("by", operator)
                    .executeUpdate();
            for (String forget : keepData ? List.<String>of() : FORGET) {
                rebind = rebind.call(() -> session.createNativeQuery(forget).executeUpdate());
            }
            return rebind.chain(() -> load(session))
                    .invoke(confirmed -> rebound.fire(new Rebound(status.bound(), confirmed.bound(), keepData, operator)));
        }))).invoke(confirmed -> {
            confirmations.forget();
            remember(confirmed);
            LOG.warnf("Odoo instance %s (%s, database %s) confirmed by %s; %s", confirmed.boundFingerprint(),
                    confirmed.bound().url(), confirmed.bound().database(), operator,
                    keepData ? "cache and followed records kept" : "cache, followed records and watermarks dropped");
        });
    }

    /** A confirmation that does not match what was seen. */
    public static class ConfirmationRefused extends RuntimeException {

        ConfirmationRefused(String message) {
            super(message);
        }
    }

    private Uni<OdooInstance> current() {
        return CallerContext.emitOnCaller(operations.instance().identify());
    }

    private Uni<InstanceStatus> record(Mutiny.Session session, OdooInstance current) {
        Instant now = clock.instant();
        return describe(session.createNativeQuery(BIND_FIRST), current, now).setParameter("by", "first contact")
                .executeUpdate()
                .chain(() -> load(session))
                .chain(status -> {
                    if (same(current, status.bound())) {
                        return session.createNativeQuery(SAME)
                                .setParameter("version", current.serverVersion())
                                .executeUpdate()
                                .chain(() -> load(session));
                    }
                    if (!same(current, status.seen())) {
                        LOG.errorf("The Odoo at %s is another instance than the one Portage's Odoo ids came from: "
                                + "bound %s (database %s, created %s), seen %s (database %s, created %s). Writes and "
                                + "polls wait until an operator confirms it: POST /ops/odoo-sync/instance/confirm",
                                current.url(), status.boundFingerprint(), status.bound().database(),
                                status.bound().databaseCreated(), current.fingerprint(), current.database(),
                                current.databaseCreated());
                    }
                    return describe(session.createNativeQuery(SEEN), current, now).executeUpdate()
                            .chain(() -> load(session));
                });
    }

    private static Mutiny.Query<?> describe(Mutiny.Query<?> query, OdooInstance instance,
            Instant now) {
        return query.setParameter("fingerprint", instance.fingerprint())
                .setParameter("url", instance.url())
                .setParameter("database", instance.database())
                .setParameter("version", instance.serverVersion())
                .setParameter("serie", instance.serie())
                .setParameter("created", instance.databaseCreated())
                .setParameter("now", now);
    }

    private Uni<InstanceStatus> load(Mutiny.Session session) {
        return session.createNativeQuery(SELECT + " for update", Object[].class).getResultList().map(rows -> {
            Instant now = clock.instant();
            if (rows.isEmpty()) {
                return new InstanceStatus(InstanceStatus.UNCHECKED, null, null, null, null, null, null, null, now);
            }
            Object[] row = rows.get(0);
            OdooInstance bound = instance(row, 0);
            OdooInstance seen = row[7] == null ? null : instance(row, 7);
            return new InstanceStatus(seen == null ? InstanceStatus.BOUND : InstanceStatus.CHANGED, bound, bound.fingerprint(),
                    SyncValues.instant(row[5]), (String) row[6], seen, seen == null ? null : seen.fingerprint(),
                    SyncValues.instant(row[12]), now);
        });
    }

    private static OdooInstance instance(Object[] row, int from) {
        return new OdooInstance((String) row[from], (String) row[from + 1], (String) row[from + 2],
                (String) row[from + 3], (String) row[from + 4]);
    }

    private static boolean same(OdooInstance a, OdooInstance b) {
        return b != null && a.fingerprint().equals(b.fingerprint());
    }

    private void remember(InstanceStatus status) {
        last.set(status);
    }
}

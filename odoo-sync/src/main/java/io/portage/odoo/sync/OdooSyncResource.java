package io.portage.odoo.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.kit.ops.AuditLog;
import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Callers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Operations on the Odoo sync, next to the event kit's {@code /ops}: how far each followed model is read and how old
 * the cache is, a poll on demand, and a reload of one model from the start (after restoring Odoo from a backup, say).
 * Operators only (realm role {@code ops} in the access token); writes are audited under the token's name.
 */
@Path("/ops/odoo-sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class OdooSyncResource {

    private static final String STATES = """
            select model, cast(watermark as varchar), loaded_at, last_attempt_at, last_success_at, last_error,
                   records_seen, events_emitted
            from {h-schema}odoo_sync_state""";

    private final ChangeCapture capture;
    private final OdooInstances instances;
    private final SyncStore store;
    private final MasterData masterData;
    private final AuditLog audit;
    private final CorrelationContext correlation;
    private final Callers callers;
    private final Clock clock = Clock.systemUTC();

    public OdooSyncResource(ChangeCapture capture, OdooInstances instances, SyncStore store, MasterData masterData,
            AuditLog audit, CorrelationContext correlation, Callers callers) {
        this.capture = capture;
        this.instances = instances;
        this.store = store;
        this.masterData = masterData;
        this.audit = audit;
        this.correlation = correlation;
        this.callers = callers;
    }

    /** One followed model: how far it is read, when it last succeeded (and so how old its data may be). */
    @RegisterForReflection
    public record ModelStatus(String model, String kind, String watermark, Instant loadedAt, Instant lastAttemptAt,
            Instant lastSuccessAt, Long ageSeconds, String lastError, long recordsSeen, long eventsEmitted,
            Long cached, Long cachedActive) {
    }

    @GET
    @Operation(summary = "Sync status per Odoo model", description = "Watermark, last success and its age, last error, records read, events emitted, records cached.")
    public Uni<List<ModelStatus>> status() {
        return Panache.withSession(
                () -> Panache.getSession().chain(session -> session.createNativeQuery(STATES, Object[].class).getResultList()))
                .chain(states -> masterData.counts().map(counts -> {
                    Map<String, Object[]> byModel = new HashMap<>();
                    states.forEach(row -> byModel.put((String) row[0], row));
                    Map<String, Object[]> cachedByModel = new HashMap<>();
                    counts.forEach(row -> cachedByModel.put((String) row[0], row));
                    Instant now = clock.instant();
                    return capture.followed().stream().map(model -> {
                        Object[] row = byModel.get(model.odooModel());
                        Object[] cached = cachedByModel.get(model.odooModel());
                        Instant success = row == null ? null : SyncValues.instant(row[4]);
                        boolean master = model.kind() == SyncedModel.Kind.MASTER;
                        return new ModelStatus(model.odooModel(), model.kind().name().toLowerCase(),
                                row == null ? null : (String) row[1], row == null ? null : SyncValues.instant(row[2]),
                                row == null ? null : SyncValues.instant(row[3]), success,
                                success == null ? null : Duration.between(success, now).toSeconds(),
                                row == null ? null : (String) row[5], row == null ? 0 : SyncValues.count(row[6]),
                                row == null ? 0 : SyncValues.count(row[7]),
                                master ? (cached == null ? 0L : SyncValues.count(cached[1])) : null,
                                master ? (cached == null ? 0L : SyncValues.count(cached[2])) : null);
                    }).toList();
                }));
    }

    @POST
    @Path("/poll")
    @Operation(summary = "Poll every followed model now", description = "Returns what each poll read, applied and announced.")
    public Uni<List<ChangeCapture.PollResult>> poll() {
        String operator = callers.current().requireOperator().actor();
        return capture.pollAll()
                .call(results -> Panache.withTransaction(() -> audit.record(operator, "odoo-sync.poll", "odoo-sync",
                        "done", results.toString(), correlation.id())));
    }

    @POST
    @Path("/{model}/reload")
    @Operation(summary = "Read one model again from the start", description = "Forgets its watermark: master data reloads completely, change capture restarts from the initial lookback. Nothing is announced twice: versions already held are skipped.")
    @APIResponse(responseCode = "200", description = "The model's status after reading it again")
    @APIResponse(responseCode = "404", description = "Not a model this service follows")
    public Uni<ModelStatus> reload(@PathParam("model") String modelName) {
        String operator = callers.current().requireOperator().actor();
        SyncedModel model = SyncedModel.of(modelName)
                .filter(capture.followed()::contains)
                .orElseThrow(() -> ProblemException.notFound("Followed Odoo model", modelName));
        return store.reset(model)
                .call(() -> Panache.withTransaction(() -> audit.record(operator, "odoo-sync.reload", modelName,
                        "done", "watermark forgotten", correlation.id())))
                .chain(() -> capture.poll(model))
                .chain(() -> status())
                .map(all -> all.stream().filter(status -> status.model().equals(modelName)).findFirst().orElseThrow());
    }

    /** An operator's confirmation of the Odoo instance seen at the configured address. */
    @RegisterForReflection
    public record InstanceConfirmation(String fingerprint, Boolean keepData) {
    }

    @GET
    @Path("/instance")
    @Operation(summary = "Which Odoo instance Portage's Odoo ids belong to", description = "Checks the Odoo at the configured address: state bound (it is the instance the ids came from), changed (another instance is there: writes and polls wait for a confirmation) or unchecked (not reached yet).")
    public Uni<OdooInstances.InstanceStatus> instance() {
        return instances.check().onFailure().recoverWithItem(failure -> instances.status());
    }

    @POST
    @Path("/instance/confirm")
    @Operation(summary = "Work with the Odoo instance seen from now on", description = "Give the fingerprint seen (GET /ops/odoo-sync/instance). Drops the master-data cache, the followed records and the watermarks of the old instance and reloads from the new one; keepData true keeps them (the same database moved to another address).")
    @APIResponse(responseCode = "200", description = "The instance now bound")
    @APIResponse(responseCode = "400", description = "No fingerprint")
    @APIResponse(responseCode = "409", description = "The fingerprint is not the instance seen at the configured address")
    public Uni<OdooInstances.InstanceStatus> confirmInstance(InstanceConfirmation confirmation) {
        String operator = callers.current().requireOperator().actor();
        if (confirmation == null || confirmation.fingerprint() == null || confirmation.fingerprint().isBlank()) {
            throw ProblemException.invalid("fingerprint", "must be the fingerprint of the instance seen");
        }
        boolean keep = Boolean.TRUE.equals(confirmation.keepData());
        return instances.check()
                .chain(() -> instances.confirm(confirmation.fingerprint(), keep, operator))
                .onFailure(OdooInstances.ConfirmationRefused.class)
                .transform(refused -> new ProblemException(409, "instance-not-seen", "Nothing to confirm",
                        refused.getMessage()))
                .call(status -> Panache.withTransaction(() -> audit.record(operator, "odoo-sync.instance.confirm",
                        status.boundFingerprint(), "done", keep ? "data kept" : "data dropped, reloading",
                        correlation.id())))
                .call(() -> capture.pollAll());
    }
}

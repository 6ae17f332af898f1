package io.portage.odoo.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.portage.kit.rest.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where Odoo's automation rules send their webhook ({@code {"_model": ..., "_id": ..., ...}}, unsigned, 1 s timeout,
 * fire-and-forget). A fast path only: the call is answered at once, and the record is read back from Odoo after
 * {@code portage.odoo.sync.webhook-delay} (so the change is committed and visible) and applied like a polled change.
 * A lost webhook costs nothing but latency: the poller finds the change on its next round.
 */
@Path("/odoo/webhook")
@Tag(name = "odoo")
public class OdooWebhookResource {

    private static final Logger LOG = Logger.getLogger(OdooWebhookResource.class);

    private final ChangeCapture capture;
    private final OdooSyncConfig config;
    private final Vertx vertx;

    public OdooWebhookResource(ChangeCapture capture, OdooSyncConfig config, Vertx vertx) {
        this.capture = capture;
        this.config = config;
        this.vertx = vertx;
    }

    /** The fields Portage reads from a webhook; the rest (the rule's selected fields) is ignored. */
    @RegisterForReflection
    public record Notification(String _model, Long _id) {
    }

    /** What the webhook was taken as. */
    @RegisterForReflection
    public record Accepted(String model, long id, String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Odoo automation-rule webhook", description = "Takes {_model, _id}; the record is read back from Odoo shortly after. Requires ?token=<portage.odoo.sync.webhook-token>.")
    @APIResponse(responseCode = "202", description = "Queued (read back from Odoo shortly), or ignored when the model is not followed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "No _model or no positive integer _id")
    @APIResponse(responseCode = "401", description = "token missing or wrong")
    public Uni<Response> notify(@QueryParam("token") String token, Map<String, Object> body) {
        if (config.webhookToken().isEmpty() || token == null || !MessageDigest.isEqual(
                config.webhookToken().get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "token: missing or wrong (configure portage.odoo.sync.webhook-token and put it in the rule's URL)");
        }
        if (body == null) {
            throw ProblemException.invalid("_model", "is required");
        }
        if (!(body.get("_model") instanceof String modelName) || modelName.isBlank()) {
            throw ProblemException.invalid("_model", "is required: the Odoo model of the changed record");
        }
        if (!(body.get("_id") instanceof Number number) || number.longValue() <= 0
                || number.doubleValue() != number.longValue()) {
            throw ProblemException.invalid("_id", "is required: the positive integer id of the changed record");
        }
        long id = number.longValue();
        var model = SyncedModel.of(modelName);
        if (model.isEmpty() || !capture.followed().contains(model.get())) {
            return Uni.createFrom()
                    .item(Response.accepted(new Accepted(modelName, id, "ignored: model not followed"))
                            .build());
        }
        // A context of its own (safe for the reactive session), outliving this request.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        vertx.setTimer(Math.max(1, config.webhookDelay().toMillis()), timer -> context
                .runOnContext(ignored -> capture.refresh(model.get(), List.of(id))
                        .subscribe()
                        .with(result -> LOG.debugf("Webhook %s/%d: %d applied, %d events", modelName, id,
                                result.applied(), result.events()),
                                failure -> LOG.warnf("Webhook %s/%d not applied (the poller will catch it): %s",
                                        modelName, id, failure.toString()))));
        return Uni.createFrom().item(Response.accepted(new Accepted(modelName, id, "queued")).build());
    }
}

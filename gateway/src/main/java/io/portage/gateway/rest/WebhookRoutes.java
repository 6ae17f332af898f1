package io.portage.gateway.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.gateway.service.Caller;
import io.portage.gateway.service.CallerResolver;
import io.portage.gateway.webhook.Subscriptions;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Partners' webhook subscriptions (scope {@code webhooks:manage}): register an endpoint and the event types wanted,
 * read the delivery log, replay a delivery, enable a disabled subscription. Deliveries are the partner's own events
 * only, as signed CloudEvents (see the gateway's README).
 */
@Path("/api/v1/webhooks/subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class WebhookRoutes {

    static final String SCOPE = "webhooks:manage";

    private final Subscriptions subscriptions;
    private final CallerResolver callers;

    public WebhookRoutes(Subscriptions subscriptions, CallerResolver callers) {
        this.subscriptions = subscriptions;
        this.callers = callers;
    }

    /** A new subscription: the endpoint and the event types, or {@code ["*"]} for all of the partner's events. */
    public record NewSubscription(String url, List<String> eventTypes) {
    }

    private String partner() {
        Caller caller = callers.caller();
        caller.require(SCOPE);
        return caller.partnerId();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "released orders", value = """
            {"url": "https://hooks.northwind.example/portage", "eventTypes": ["io.portage.order.released.v2"]}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = "webhooks:manage")
    @Operation(summary = "Subscribe an endpoint to event types (scope webhooks:manage)", description = "The answer carries the signing secret, once; keep it to verify deliveries.")
    @APIResponse(responseCode = "201", description = "Subscribed; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscriptions.Subscription.class)))
    public Uni<Response> create(NewSubscription request) {
        if (request == null) {
            throw io.portage.kit.rest.ProblemException.invalid("body", "must be {\"url\": ..., \"eventTypes\": [...]}");
        }
        return subscriptions.create(partner(), request.url(), request.eventTypes())
                .map(created -> Response.status(201)
                        .header("Location", "/api/v1/webhooks/subscriptions/" + created.id())
                        .entity(created)
                        .build());
    }

    @GET
    @SecurityRequirement(name = "SecurityScheme", scopes = "webhooks:manage")
    @Operation(summary = "Your subscriptions")
    public Uni<List<Subscriptions.Subscription>> list() {
        return subscriptions.list(partner());
    }

    @GET
    @Path("/{id}")
    @SecurityRequirement(name = "SecurityScheme", scopes = "webhooks:manage")
    @Operation(summary = "One of your subscriptions")
    public Uni<Subscriptions.Subscription> get(@PathParam("id") UUID id) {
        return subscriptions.get(partner(), id);
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "SecurityScheme", scopes = "webhooks:manage")
    @Operation(summary = "Delete a subscription and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return subscriptions.delete(partner(), id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/enable")
    @SecurityRequirement(name = "SecurityScheme", scopes = "webhooks:manage")
    @Operation(summary = "Enable a subscription disabled after failing deliveries")
    public Uni<Subscriptions.Subscription> enable(@PathParam("id") UUID id) {
        return subscriptions.enable(partner(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @SecurityRequirement(name = "SecurityScheme", scopes = "webhooks:manage")
    @Operation(summary = "The delivery log, newest first", description = "status: PENDING, DELIVERED or FAILED (given up)")
    public Uni<List<Subscriptions.Delivery>> deliveries(@PathParam("id") UUID id,
            @QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED", message = "must be PENDING, DELIVERED or FAILED") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return subscriptions.deliveries(partner(), id, status, limit);
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/replay")
    @SecurityRequirement(name = "SecurityScheme", scopes = "webhooks:manage")
    @Operation(summary = "Send a delivery again, now")
    @APIResponse(responseCode = "202", description = "Queued to be sent now")
    public Uni<Response> replay(@PathParam("id") UUID id, @PathParam("delivery") long delivery) {
        return subscriptions.replay(partner(), id, delivery).replaceWith(Response.accepted().build());
    }
}

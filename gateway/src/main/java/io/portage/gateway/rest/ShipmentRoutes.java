package io.portage.gateway.rest;

import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.gateway.idempotency.IdempotencyKeys;
import io.portage.gateway.service.Caller;
import io.portage.gateway.service.CallerResolver;
import io.portage.gateway.service.PartnerApiRouting;
import io.portage.gateway.service.PartnerApiRouting.ReturnAction;
import io.portage.gateway.service.PartnerApiRouting.ShipmentAction;
import io.portage.gateway.service.PartnerApiRouting.ShipmentPart;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Partners' shipments at {@code /api/v1/shipments}, routed to shipment-service: find and read your own with their
 * history ({@code shipments:read}); rate, buy and void labels, dispatch, open returns and buy their labels, record a
 * return's receipt ({@code shipments:write}; Idempotency-Key honoured where money is spent or goods move).
 */
@Path("/api/v1/shipments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentRoutes {

    private static final String READ = "shipments:read";
    private static final String WRITE = "shipments:write";
    private static final String KEY = "Optional: the first answer for this key is returned again for 24 h";

    private final PartnerApiRouting routing;
    private final CallerResolver callers;
    private final CorrelationContext correlation;
    private final IdempotencyKeys idempotency;

    public ShipmentRoutes(PartnerApiRouting routing, CallerResolver callers, CorrelationContext correlation,
            IdempotencyKeys idempotency) {
        this.routing = routing;
        this.callers = callers;
        this.correlation = correlation;
        this.idempotency = idempotency;
    }

    @GET
    @SecurityRequirement(name = "SecurityScheme", scopes = READ)
    @Operation(summary = "Your shipments, or find them (scope shipments:read)", description = "Those of one of your orders (orderId), or found by your order number, an Odoo reference (sale order or delivery name) or a tracking number (master or parcel), each exact and combined; else your latest. Newest first.")
    @APIResponse(responseCode = "403", description = "The token lacks the shipments:read scope")
    @APIResponse(responseCode = "200", description = "Newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentViewList")))
    public Uni<Response> list(@QueryParam("orderId") UUID orderId,
            @QueryParam("orderNumber") @Size(min = 1, max = 100) String orderNumber,
            @QueryParam("odooRef") @Size(min = 1, max = 64) String odooRef,
            @QueryParam("trackingNumber") @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String trackingNumber,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        callers.caller().require(READ);
        return routing.findShipments(orderId == null ? null : orderId.toString(), orderNumber, odooRef, trackingNumber,
                limit, correlation.id());
    }

    @GET
    @Path("/{id}")
    @SecurityRequirement(name = "SecurityScheme", scopes = READ)
    @Operation(summary = "One of your shipments (scope shipments:read)")
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "200", description = "The shipment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentView")))
    public Uni<Response> get(@PathParam("id") UUID id) {
        Caller caller = callers.caller();
        caller.require(READ);
        return routing.readShipment(caller, id.toString(), correlation.id());
    }

    @GET
    @Path("/{id}/timeline")
    @SecurityRequirement(name = "SecurityScheme", scopes = READ)
    @Operation(summary = "One of your shipments' history, oldest first (scope shipments:read)", description = "Created, label, dispatched, every carrier scan, exceptions, proof of delivery, returns.")
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "200", description = "Oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TimelineEntryList")))
    public Uni<Response> timeline(@PathParam("id") UUID id) {
        return read(id, ShipmentPart.TIMELINE);
    }

    @GET
    @Path("/{id}/tracking")
    @SecurityRequirement(name = "SecurityScheme", scopes = READ)
    @Operation(summary = "One of your shipments' trackers with every scan (scope shipments:read)")
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "200", description = "Its trackers", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TrackerViewList")))
    public Uni<Response> tracking(@PathParam("id") UUID id) {
        return read(id, ShipmentPart.TRACKING);
    }

    @GET
    @Path("/{id}/proof-of-delivery/{kind}")
    @Produces({"image/png", "image/jpeg", "image/gif", "application/pdf", "application/problem+json"})
    @SecurityRequirement(name = "SecurityScheme", scopes = READ)
    @Operation(summary = "A proof-of-delivery image of one of your shipments (scope shipments:read)", description = "The delivery photo (`delivery-photo`) or the signature (`signature`) the carrier sent with the delivery, as it sent it; the address is the `documentUri` of the shipment's proof-of-delivery-received event and is listed in its tracking.")
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours), or no image of that kind")
    @APIResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Uni<Response> proofOfDelivery(@PathParam("id") UUID id,
            @PathParam("kind") @Pattern(regexp = "delivery-photo|signature", message = "is delivery-photo or signature") String kind) {
        callers.caller().require(READ);
        return routing.readProofOfDelivery(id.toString(), kind, correlation.id());
    }

    @GET
    @Path("/{id}/returns")
    @SecurityRequirement(name = "SecurityScheme", scopes = READ)
    @Operation(summary = "One of your shipments' returns (scope shipments:read)")
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "200", description = "Its returns", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReturnViewList")))
    public Uni<Response> returns(@PathParam("id") UUID id) {
        return read(id, ShipmentPart.RETURNS);
    }

    @POST
    @Path("/{id}/rates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two parcels", value = """
            {"parcels": [{"weightKg": 4.2, "lengthCm": 40, "widthCm": 30, "heightCm": 20},
                         {"weightKg": 1.1, "lengthCm": 20, "widthCm": 20, "heightCm": 10}], "serviceLevel": "STANDARD"}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = WRITE)
    @Operation(summary = "Rates of every carrier for one of your shipments (scope shipments:write)", description = "Cheapest first, then fastest; the carriers that gave none, each with its own error.")
    @APIResponse(responseCode = "200", description = "The rates", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RatesView")))
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    public Uni<Response> rates(@PathParam("id") UUID id, @NotBlank String body) {
        callers.caller().require(WRITE);
        return routing.writeShipment(id.toString(), ShipmentAction.RATES, body, correlation.id());
    }

    @POST
    @Path("/{id}/label")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one parcel", value = """
            {"parcels": [{"weightKg": 4.2, "lengthCm": 40, "widthCm": 30, "heightCm": 20}]}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = WRITE)
    @Operation(summary = "Buy the label of the best rate (scope shipments:write)", description = "When that carrier times out or refuses, the next carrier's best. Send an Idempotency-Key: a retry then never buys a second label.")
    @APIResponse(responseCode = "201", description = "Label bought", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LabelledView")))
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "409", description = "The shipment is not planned")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for another request")
    @APIResponse(responseCode = "502", description = "No carrier sold a label; each carrier's own error")
    public Uni<Response> label(@PathParam("id") UUID id, @NotBlank String body,
            @Parameter(description = KEY) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return once(key, "/" + id + "/label", body,
                correlationId -> routing.writeShipment(id.toString(), ShipmentAction.LABEL, body, correlationId));
    }

    @POST
    @Path("/{id}/label/void")
    @SecurityRequirement(name = "SecurityScheme", scopes = WRITE)
    @Operation(summary = "Void the label with its carrier (scope shipments:write)", description = "The shipment is planned again.")
    @APIResponse(responseCode = "200", description = "Voided", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentView")))
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "409", description = "No label, or dispatched already")
    @APIResponse(responseCode = "502", description = "The carrier refused; its own error")
    public Uni<Response> voidLabel(@PathParam("id") UUID id) {
        callers.caller().require(WRITE);
        return routing.writeShipment(id.toString(), ShipmentAction.VOID_LABEL, null, correlation.id());
    }

    @POST
    @Path("/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "all of it", value = "{}"),
            @ExampleObject(name = "part of it", value = """
                    {"lines": [{"sku": "PT-CHAIR-01", "quantity": 3}]}""")}))
    @SecurityRequirement(name = "SecurityScheme", scopes = WRITE)
    @Operation(summary = "The labelled shipment left with its carrier (scope shipments:write)", description = "Optionally only some lines: the rest becomes the order's next shipment. The delivery is validated in Odoo once.")
    @APIResponse(responseCode = "200", description = "Dispatched", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentView")))
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "409", description = "Not labelled, or dispatched already")
    @APIResponse(responseCode = "422", description = "A SKU not in the shipment or more than it holds, or this Idempotency-Key was used for another request")
    public Uni<Response> dispatch(@PathParam("id") UUID id, @NotBlank String body,
            @Parameter(description = KEY) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return once(key, "/" + id + "/dispatch", body,
                correlationId -> routing.writeShipment(id.toString(), ShipmentAction.DISPATCH, body, correlationId));
    }

    @POST
    @Path("/{id}/returns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "return", value = """
            {"reasonCode": "DAMAGED", "lines": [{"sku": "PT-CHAIR-01", "quantity": 1}]}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = WRITE)
    @Operation(summary = "Open a return of one of your dispatched shipments (scope shipments:write)")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReturnView")))
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "409", description = "Not dispatched")
    @APIResponse(responseCode = "422", description = "A line refused (each SKU once), or this Idempotency-Key was used for another request")
    public Uni<Response> openReturn(@PathParam("id") UUID id, @NotBlank String body,
            @Parameter(description = KEY) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return once(key, "/" + id + "/returns", body,
                correlationId -> routing.writeShipment(id.toString(), ShipmentAction.OPEN_RETURN, body, correlationId));
    }

    @POST
    @Path("/{id}/returns/{returnId}/label")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme", scopes = WRITE)
    @Operation(summary = "Buy a return's label (scope shipments:write)", description = "From the shipment's carrier when it sells return labels, else the next that does; one per return.")
    @APIResponse(responseCode = "201", description = "Bought", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReturnView")))
    @APIResponse(responseCode = "404", description = "No such shipment or return (or not yours)")
    @APIResponse(responseCode = "422", description = "Labelled already, or the goods arrived, or this Idempotency-Key was used for another request")
    @APIResponse(responseCode = "502", description = "No carrier sold one; each carrier's own error")
    public Uni<Response> returnLabel(@PathParam("id") UUID id, @PathParam("returnId") UUID returnId,
            @NotBlank String body, @Parameter(description = KEY) @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return once(key, "/" + id + "/returns/" + returnId + "/label", body, correlationId -> routing
                .writeReturn(id.toString(), returnId.toString(), ReturnAction.LABEL, body, correlationId));
    }

    @POST
    @Path("/{id}/returns/{returnId}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "received", value = """
            {"site": "WH1", "lines": [{"sku": "PT-CHAIR-01", "quantity": 1, "condition": "RESELLABLE"}]}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = WRITE)
    @Operation(summary = "The returned goods arrived (scope shipments:write)", description = "The warehouse's receipt scan, once; resellable goods go back into Odoo's stock.")
    @APIResponse(responseCode = "200", description = "Received", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReturnView")))
    @APIResponse(responseCode = "404", description = "No such shipment or return (or not yours)")
    @APIResponse(responseCode = "422", description = "A line is not of the return, or more than announced, or received already")
    public Uni<Response> returnReceipt(@PathParam("id") UUID id, @PathParam("returnId") UUID returnId,
            @NotBlank String body) {
        callers.caller().require(WRITE);
        return routing.writeReturn(id.toString(), returnId.toString(), ReturnAction.RECEIPT, body, correlation.id());
    }

    private Uni<Response> read(UUID id, ShipmentPart part) {
        callers.caller().require(READ);
        return routing.readShipmentPart(id.toString(), part, correlation.id());
    }

    private Uni<Response> once(String key, String path, String body, Function<String, Uni<Response>> write) {
        Caller caller = callers.caller();
        caller.require(WRITE);
        String correlationId = correlation.id();
        return idempotency.once(caller.partnerId(), key, "POST /api/v1/shipments" + path, body,
                () -> write.apply(correlationId));
    }
}

package io.portage.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.portage.contracts.CloudEventAttributes;
import io.smallrye.mutiny.Uni;

/** shipment-service's {@code /api/v1/shipments} (route group {@code shipments}), with the caller's own access token. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public interface ShipmentsApi {

    @GET
    Uni<Response> list(@QueryParam("orderId") String orderId, @QueryParam("limit") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    Uni<Response> search(@QueryParam("orderNumber") String orderNumber, @QueryParam("odooRef") String odooRef,
            @QueryParam("trackingNumber") String trackingNumber, @QueryParam("limit") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/{id}")
    Uni<Response> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/{id}/timeline")
    Uni<Response> timeline(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/{id}/tracking")
    Uni<Response> tracking(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/{id}/proof-of-delivery/{kind}")
    @Produces(MediaType.WILDCARD)
    Uni<Response> proofOfDelivery(@PathParam("id") String id, @PathParam("kind") String kind,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/{id}/returns")
    Uni<Response> returns(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/rates")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> rates(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/label")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> label(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/label/void")
    Uni<Response> voidLabel(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> dispatch(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/returns")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> openReturn(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/returns/{returnId}/label")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> returnLabel(@PathParam("id") String id, @PathParam("returnId") String returnId, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/returns/{returnId}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> returnReceipt(@PathParam("id") String id, @PathParam("returnId") String returnId, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);
}

package io.portage.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.portage.contracts.CloudEventAttributes;
import io.smallrye.mutiny.Uni;

/** order-service's {@code /api/v1/orders} (route group {@code orders}), called with the caller's own access token. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> receive(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> change(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> cancel(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/{id}")
    Uni<Response> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);
}

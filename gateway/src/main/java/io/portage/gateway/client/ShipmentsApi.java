package io.portage.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
    @Path("/{id}")
    Uni<Response> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);
}

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

/** yard-service's {@code /api/v1/appointments} (route group {@code appointments}), with the caller's own access token. */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
public interface AppointmentsApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> book(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    Uni<Response> onDay(@QueryParam("site") String site, @QueryParam("date") String date,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> reschedule(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{id}/eta")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> eta(@PathParam("id") String id, String body,
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

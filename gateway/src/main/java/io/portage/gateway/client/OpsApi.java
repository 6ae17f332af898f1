package io.portage.gateway.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.portage.contracts.CloudEventAttributes;
import io.smallrye.mutiny.Uni;

/** A service's operations API ({@code /ops}, from the event kit), as the gateway relays operators' calls to it. */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
public interface OpsApi {

    @GET
    @Path("/{resource}")
    Uni<Response> list(@PathParam("resource") String resource, @RestQuery Map<String, String> query,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/{resource}/{id}")
    Uni<Response> get(@PathParam("resource") String resource, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/{resource}/{id}/{view}")
    Uni<Response> view(@PathParam("resource") String resource, @PathParam("id") String id,
            @PathParam("view") String view, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{resource}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> act(@PathParam("resource") String resource, @PathParam("action") String action, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @POST
    @Path("/{resource}/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> actOn(@PathParam("resource") String resource, @PathParam("id") String id,
            @PathParam("action") String action, String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);
}

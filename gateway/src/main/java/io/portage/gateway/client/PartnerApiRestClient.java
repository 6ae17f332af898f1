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

/**
 * A service's partner API ({@code /api/v1/<resource>}), as the gateway relays partners' calls to it: always with the
 * caller's own access token, which the service verifies again.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface PartnerApiRestClient {

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

    @POST
    @Path("/{resource}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(@PathParam("resource") String resource, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);
}

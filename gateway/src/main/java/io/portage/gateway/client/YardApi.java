package io.portage.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.portage.contracts.CloudEventAttributes;
import io.smallrye.mutiny.Uni;

/**
 * yard-service's yard board and trailer visits ({@code /ops/yard}), on the service serving route group
 * {@code appointments}, with the person's own access token.
 */
@Path("/ops/yard")
@Produces(MediaType.APPLICATION_JSON)
public interface YardApi {

    @GET
    @Path("/board")
    Uni<Response> board(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/visits")
    Uni<Response> visits(@QueryParam("trailer") String trailer, @QueryParam("limit") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);
}

package io.portage.console.client;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The gateway's operations lookups, called with a person's token: the yard board and a trailer's visits
 * ({@code /api/v1/ops/yard}), shipments found and their timelines ({@code /api/v1/ops/shipments}).
 */
@RegisterRestClient(configKey = "gateway")
@Path("/api/v1/ops")
interface GatewayLookupRestClient {

    @GET
    @Path("/yard/board")
    Response yardBoard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/yard/visits")
    Response trailerVisits(@QueryParam("trailer") String trailer,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/shipments")
    Response shipments(@RestQuery Map<String, String> query, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/shipments/{id}/timeline")
    Response timeline(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}

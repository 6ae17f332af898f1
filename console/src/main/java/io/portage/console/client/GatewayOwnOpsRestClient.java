package io.portage.console.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The gateway's own operations API ({@code /ops}, operators only), called with a person's token: its dead letters are
 * the edge agents' events it rejected, kept for operators to correct and replay.
 */
@RegisterRestClient(configKey = "gateway")
@Path("/ops")
interface GatewayOwnOpsRestClient {

    @GET
    @Path("/{resource}")
    Response list(@PathParam("resource") String resource, @RestQuery Map<String, String> query,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{resource}/{id}")
    Response get(@PathParam("resource") String resource, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/{resource}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response act(@PathParam("resource") String resource, @PathParam("action") String action, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/{resource}/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response actOn(@PathParam("resource") String resource, @PathParam("id") String id, @PathParam("action") String action,
            String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}

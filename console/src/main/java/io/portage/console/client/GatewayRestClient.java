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

/** The gateway's relay to the services' operations APIs, {@code /api/v1/ops/<service>/...}, called with a person's token. */
@RegisterRestClient(configKey = "gateway")
@Path("/api/v1/ops/{service}")
interface GatewayRestClient {

    @GET
    @Path("/{resource}")
    Response list(@PathParam("service") String service, @PathParam("resource") String resource,
            @RestQuery Map<String, String> query, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{resource}/{id}")
    Response get(@PathParam("service") String service, @PathParam("resource") String resource,
            @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{resource}/{id}/{view}")
    Response view(@PathParam("service") String service, @PathParam("resource") String resource,
            @PathParam("id") String id, @PathParam("view") String view,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/{resource}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response act(@PathParam("service") String service, @PathParam("resource") String resource,
            @PathParam("action") String action, String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/{resource}/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response actOn(@PathParam("service") String service, @PathParam("resource") String resource,
            @PathParam("id") String id, @PathParam("action") String action, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}

package io.portage.edge.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's edge route ({@code portage.edge.forward.url}, by default {@code /api/v1/edge/events}). */
@RegisterRestClient(configKey = "edge-gateway")
interface GatewayRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@HeaderParam("Authorization") String authorization, ForwardBatch batch);
}

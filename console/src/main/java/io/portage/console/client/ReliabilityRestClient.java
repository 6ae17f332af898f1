package io.portage.console.client;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The gateway's partner reliability figures, {@code GET /api/v1/ops/partner-reliability}, called with a person's token. */
@RegisterRestClient(configKey = "gateway")
@Path("/api/v1/ops/partner-reliability")
interface ReliabilityRestClient {

    @GET
    Response read(@RestQuery Map<String, String> query, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}

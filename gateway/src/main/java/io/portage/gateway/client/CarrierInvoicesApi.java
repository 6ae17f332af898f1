package io.portage.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.portage.contracts.CloudEventAttributes;
import io.smallrye.mutiny.Uni;

/** finance-service's {@code /api/v1/carrier-invoices} (route group {@code carrier-invoices}), with the carrier's token. */
@Path("/api/v1/carrier-invoices")
@Produces(MediaType.APPLICATION_JSON)
public interface CarrierInvoicesApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> send(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CloudEventAttributes.CORRELATION_HEADER) String correlationId);
}

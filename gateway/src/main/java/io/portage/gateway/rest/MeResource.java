package io.portage.gateway.rest;

import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.gateway.service.Caller;
import io.portage.gateway.service.CallerResolver;
import io.quarkus.security.Authenticated;

/** {@code /api/v1/me}: who the gateway takes the caller for, so a partner can check its credentials. */
@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final CallerResolver callers;

    public MeResource(CallerResolver callers) {
        this.callers = callers;
    }

    /** The caller as the token says. */
    public record Me(String partnerId, String clientId, Set<String> scopes) {
    }

    @GET
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "The calling partner, client and scopes, as the access token says")
    public Me me() {
        Caller caller = callers.caller();
        return new Me(caller.partnerId(), caller.clientId(), new TreeSet<>(caller.scopes()));
    }
}

package io.portage.order.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.security.Callers;
import io.portage.order.domain.SkuMapping;
import io.portage.order.service.SkuMappingService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Each channel's SKU mapping table at {@code /ops/channels/{channel}/sku-mappings} (operators): a channel's SKU to the
 * product's SKU in Odoo. Setting one re-checks the channel's orders held for that SKU.
 */
@Path("/ops/channels/{channel}/sku-mappings")
@Produces(MediaType.APPLICATION_JSON)
public class SkuMappingResource {

    private final SkuMappingService mappings;
    private final CorrelationContext correlation;
    private final Callers callers;

    public SkuMappingResource(SkuMappingService mappings, CorrelationContext correlation,
            Callers callers) {
        this.mappings = mappings;
        this.correlation = correlation;
        this.callers = callers;
    }

    /** A mapping as the API shows it. */
    @RegisterForReflection
    public record MappingView(String channel, String channelSku, String sku, Instant updatedAt, String updatedBy) {

        static MappingView of(SkuMapping mapping) {
            return new MappingView(mapping.channel(), mapping.channelSku(), mapping.sku(), mapping.updatedAt(),
                    mapping.updatedBy());
        }
    }

    /** What setting a mapping did. */
    @RegisterForReflection
    public record MappedView(MappingView mapping, List<UUID> ordersAccepted) {
    }

    /** The body of a mapping. */
    public record MappingRequest(@NotBlank @Size(max = 64) String sku) {
    }

    @GET
    @Operation(summary = "List a channel's SKU mappings")
    public Uni<List<MappingView>> list(@PathParam("channel") String channel) {
        return mappings.list(channel).map(list -> list.stream().map(MappingView::of).toList());
    }

    @PUT
    @Path("/{channelSku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Map a channel SKU to an Odoo SKU", description = "Held orders of the channel with that SKU are checked again; those that pass go to Odoo and their exceptions close. Audited.")
    @APIResponse(responseCode = "200", description = "The mapping, and the held orders it released into the queue")
    @APIResponse(responseCode = "400", description = "Invalid SKU or no operator named")
    public Uni<MappedView> put(
            @PathParam("channel") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be a channel name") String channel,
            @PathParam("channelSku") @Size(min = 1, max = 64) String channelSku,
            @NotNull @Valid MappingRequest body) {
        String operator = callers.current().requireOperator().actor();
        return mappings.put(channel, channelSku, body.sku(), operator, correlation.id())
                .map(mapped -> new MappedView(MappingView.of(mapped.mapping()),
                        mapped.accepted().stream().map(order -> order.id()).toList()));
    }
}

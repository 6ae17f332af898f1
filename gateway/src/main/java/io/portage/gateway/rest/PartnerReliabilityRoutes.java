package io.portage.gateway.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.reliability.ReliabilityReport;
import io.portage.gateway.reliability.ReliabilityStore;
import io.portage.gateway.service.OperatorResolver;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;

/**
 * Operators read partners' reliability at {@code GET /api/v1/ops/partner-reliability} (role and scope ops): per
 * partner and route the requests, error rates, 429s and latency percentiles, per webhook subscription the attempts'
 * outcomes, and a time series, over a period of at most {@code portage.gateway.reliability.max-period}.
 */
@Path("/api/v1/ops/partner-reliability")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class PartnerReliabilityRoutes {

    private static final Pattern PARTNER = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final Pattern ROUTE = Pattern.compile("[A-Z]{3,7} /[\\x21-\\x7e]{0,190}|[A-Z]{3,7} \\(no route\\)");
    private static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

    private final ReliabilityReport report;
    private final OperatorResolver operators;
    private final Duration maxPeriod;

    public PartnerReliabilityRoutes(ReliabilityReport report, OperatorResolver operators, GatewayConfig config) {
        this.report = report;
        this.operators = operators;
        this.maxPeriod = config.reliability().maxPeriod();
    }

    @GET
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "Partners' reliability over a period (role and scope ops)", description = """
            Per partner and route template: requests, 4xx and 5xx apart, the gateway's 429s, latency p50/p95/p99; per
            webhook subscription: attempts delivered, retried and given up; and a series of at most 120 points. Counts
            reach the database within the flush interval (15 s).""")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReliabilityReport.Report.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed, from is not before to, or the period is too long")
    @APIResponse(responseCode = "403", description = "The token lacks the ops role or scope")
    @APIResponse(responseCode = "503", description = "The figures cannot be read now")
    public ReliabilityReport.Report read(
            @Parameter(description = "Start (ISO 8601 instant); default: 24 hours before to") @QueryParam("from") Instant from,
            @Parameter(description = "End, exclusive (ISO 8601 instant); default: now") @QueryParam("to") Instant to,
            @Parameter(description = "Only this partner") @QueryParam("partner") String partner,
            @Parameter(description = "Only this route template, e.g. GET /api/v1/orders/{id}") @QueryParam("route") String route) {
        operators.operator().requireOps();
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : from;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(maxPeriod) > 0) {
            throw ProblemException.invalid(from == null ? "to" : "from",
                    "the period may cover at most " + maxPeriod.toDays() + " days");
        }
        if (partner != null && !PARTNER.matcher(partner).matches()) {
            throw ProblemException.invalid("partner", "must be a partner id (1-64 letters, digits, . _ : @ -)");
        }
        if (route != null && !ROUTE.matcher(route).matches()) {
            throw ProblemException.invalid("route", "must be a route template such as GET /api/v1/orders/{id}");
        }
        try {
            return report.report(new ReliabilityStore.Selection(start, end, partner, route));
        } catch (ReliabilityReport.UnavailableException e) {
            Log.warnf("Partner reliability not read: %s", e.getCause());
            throw new ProblemException(503, "service-unavailable", "Service unavailable",
                    "The reliability figures cannot be read now; try again shortly");
        }
    }
}

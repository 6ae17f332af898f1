package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.service.CarrierChargeLedger;
import io.smallrye.mutiny.Uni;

/**
 * Confirmed carrier charges at {@code /api/v1/carrier-charges} (labels bought), each with the event and correlation id
 * that reported it: what carrier invoice lines are matched against. For finance (realm role {@code finance}).
 */
@Path("/api/v1/carrier-charges")
@Produces(MediaType.APPLICATION_JSON)
public class CarrierChargeResource {

    private final CarrierChargeLedger ledger;
    private final FinanceCallers callers;

    public CarrierChargeResource(CarrierChargeLedger ledger, FinanceCallers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    /** A confirmed charge as the API shows it. */
    public record ChargeView(String carrier, String trackingNumber, String shipmentId, String returnId, String kind,
            BigDecimal amount,
            String currency, String eventId, String correlationId, Instant confirmedAt, String accrualStatus,
            String accrualRef, Long accrualMoveId, String accrualError, Long reversalMoveId) {

        static ChargeView of(CarrierCharge charge) {
            return new ChargeView(charge.carrier(), charge.trackingNumber(), charge.shipmentId(), charge.returnId(),
                    charge.kind(),
                    charge.amount(), charge.currency(), charge.eventId(), charge.correlationId(), charge.confirmedAt(),
                    charge.accrualStatus().name(), charge.accrualRef(), charge.accrualMoveId(), charge.accrualError(),
                    charge.reversalMoveId());
        }
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Operation(summary = "A carrier's confirmed charges, the latest first", description = "Of one tracking number when given.")
    public Uni<List<ChargeView>> charges(
            @QueryParam("carrier") @NotNull @Pattern(regexp = CarrierInvoiceRequest.TEXT, message = "must be 1 to 100 letters, digits, spaces or ._/#&()+-") String carrier,
            @QueryParam("trackingNumber") @Pattern(regexp = CarrierInvoiceRequest.TEXT, message = "must be 1 to 100 letters, digits, spaces or ._/#&()+-") String trackingNumber,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        callers.financeActor();
        return ledger.of(carrier, trackingNumber, limit).map(rows -> rows.stream().map(ChargeView::of).toList());
    }
}

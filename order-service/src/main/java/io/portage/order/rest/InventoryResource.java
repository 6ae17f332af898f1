package io.portage.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.Problem;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Callers;
import io.portage.order.domain.InventoryReconciliation;
import io.portage.order.domain.InventoryReconciliation.Count;
import io.portage.order.service.InventoryService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Stock snapshots from a WMS or 3PL at {@code /ops/inventory/snapshots} (CSV or JSON), reconciled against Odoo at once,
 * and the reports at {@code /ops/inventory/reconciliations} (operators). A snapshot with any bad row is refused whole
 * (problem+json naming each row and field); a good one is stored with its report.
 */
@Path("/ops/inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    static final int MAX_LINES = 10_000;
    static final String CSV = "text/csv";
    private static final String SITE = "[A-Za-z0-9._-]{1,32}";
    private static final String SKU = "[^\\s,;\"\\x00]{1,64}";

    private final InventoryService inventory;
    private final CorrelationContext correlation;
    private final Callers callers;

    public InventoryResource(InventoryService inventory, CorrelationContext correlation,
            Callers callers) {
        this.inventory = inventory;
        this.correlation = correlation;
        this.callers = callers;
    }

    /** A snapshot as JSON. */
    @RegisterForReflection
    public record SnapshotRequest(String source, String takenAt, List<LineRequest> lines) {
    }

    /** One JSON line: the site (Odoo's warehouse code), the SKU, the location (optional) and the quantity counted. */
    @RegisterForReflection
    public record LineRequest(String site, String sku, String location, String quantity) {
    }

    @POST
    @Path("/snapshots")
    @Consumes(CSV)
    @Operation(summary = "Reconcile a stock snapshot (CSV)", description = "Header row naming the columns site (or warehouse), sku, location (optional), quantity; takenAt and source as query parameters. Violations name the file's line: row[5].quantity.")
    @APIResponse(responseCode = "201", description = "Stored with its reconciliation report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationView.class)))
    @APIResponse(responseCode = "400", description = "Bad rows (problem+json with row and field); nothing stored")
    @APIResponse(responseCode = "503", description = "Odoo could not be read; nothing stored")
    public Uni<Response> csv(String body, @QueryParam("source") String source, @QueryParam("takenAt") String takenAt) {
        String operator = callers.current().requireOperator().actor();
        List<Problem.Violation> violations = new ArrayList<>();
        Instant taken = takenAt(takenAt, "takenAt", violations);
        String from = source(source, "source", violations);
        List<Count> counts = parseCsv(body == null ? "" : body, violations);
        return reconcile(from, taken, operator, counts, violations);
    }

    @POST
    @Path("/snapshots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reconcile a stock snapshot (JSON)", description = "{source, takenAt, lines[{site, sku, location?, quantity}]}")
    @APIResponse(responseCode = "201", description = "Stored with its reconciliation report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationView.class)))
    @APIResponse(responseCode = "400", description = "Bad lines (problem+json with lines[i].field); nothing stored")
    @APIResponse(responseCode = "503", description = "Odoo could not be read; nothing stored")
    public Uni<Response> json(SnapshotRequest body) {
        String operator = callers.current().requireOperator().actor();
        if (body == null) {
            throw ProblemException.invalid("body", "a snapshot is required");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        Instant taken = takenAt(body.takenAt(), "takenAt", violations);
        String from = source(body.source(), "source", violations);
        List<Count> counts = new ArrayList<>();
        if (body.lines() == null || body.lines().isEmpty()) {
            violations.add(new Problem.Violation("lines", "at least one line"));
        } else if (body.lines().size() > MAX_LINES) {
            violations.add(new Problem.Violation("lines", "at most " + MAX_LINES + " lines"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < body.lines().size(); i++) {
                LineRequest line = body.lines().get(i);
                String path = "lines[" + i + "]";
                if (line == null) {
                    violations.add(new Problem.Violation(path, "a line is required"));
                    continue;
                }
                Count count = count(path, line.site(), line.sku(), line.location(), line.quantity(), violations);
                if (count != null && !seen.add(key(count))) {
                    violations.add(new Problem.Violation(path, "the same site, SKU and location as an earlier line"));
                }
                counts.add(count);
            }
        }
        return reconcile(from, taken, operator, counts, violations);
    }

    @GET
    @Path("/reconciliations")
    @Operation(summary = "Reconciliations, newest first", description = "Without their lines")
    public Uni<List<ReconciliationView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return inventory.latest(limit).map(list -> list.stream().map(r -> ReconciliationView.of(r, false)).toList());
    }

    @GET
    @Path("/reconciliations/{id}")
    @Operation(summary = "One reconciliation report with its lines")
    @APIResponse(responseCode = "200", description = "The report with its lines", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationView.class)))
    @APIResponse(responseCode = "404", description = "No such reconciliation")
    public Uni<ReconciliationView> get(@PathParam("id") UUID id) {
        return inventory.find(id).map(r -> ReconciliationView.of(r, true));
    }

    private Uni<Response> reconcile(String source, Instant takenAt, String operator, List<Count> counts,
            List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            List<Problem.Violation> shown = violations.size() > 100 ? violations.subList(0, 100) : violations;
            throw new ProblemException(400, "invalid-snapshot", "Invalid snapshot",
                    violations.size() + " problem(s) in the snapshot; nothing was stored", shown);
        }
        return inventory.reconcile(new InventoryService.Snapshot(source, takenAt, operator, correlation.id(), counts))
                .map(report -> Response.created(java.net.URI.create("/ops/inventory/reconciliations/" + report.id()))
                        .entity(ReconciliationView.of(report, true))
                        .build());
    }

    /** Reads a CSV snapshot: a header row, then one count per row; blank lines are skipped. */
    static List<Count> parseCsv(String body, List<Problem.Violation> violations) {
        List<Count> counts = new ArrayList<>();
        String[] rows = body.split("\r?\n", -1);
        int header = -1;
        int site = -1;
        int sku = -1;
        int location = -1;
        int quantity = -1;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split(",", -1);
            if (header < 0) {
                header = i;
                for (int c = 0; c < cells.length; c++) {
                    switch (cells[c].trim().toLowerCase(java.util.Locale.ROOT)) {
                        case "site", "warehouse" -> site = c;
                        case "sku" -> sku = c;
                        case "location" -> location = c;
                        case "quantity", "qty" -> quantity = c;
                        default -> violations.add(new Problem.Violation("row[" + (i + 1) + "]",
                                "unknown column '" + cells[c].trim() + "'"));
                    }
                }
                if (site < 0 || sku < 0 || quantity < 0) {
                    violations.add(new Problem.Violation("row[" + (i + 1) + "]",
                            "the header must name site (or warehouse), sku and quantity; location is optional"));
                    return counts;
                }
                continue;
            }
            String path = "row[" + (i + 1) + "]";
            if (counts.size() >= MAX_LINES) {
                violations.add(new Problem.Violation(path, "at most " + MAX_LINES + " rows"));
                return counts;
            }
            int width = Math.max(Math.max(site, sku), Math.max(location, quantity)) + 1;
            if (cells.length < width) {
                violations.add(new Problem.Violation(path, "expected " + width + " cells, found " + cells.length));
                continue;
            }
            Count count = count(path, cells[site], cells[sku], location < 0 ? null : cells[location], cells[quantity],
                    violations);
            if (count != null && !seen.add(key(count))) {
                violations.add(new Problem.Violation(path, "the same site, SKU and location as an earlier row"));
            }
            counts.add(count);
        }
        if (header < 0) {
            violations.add(new Problem.Violation("body", "a header row and at least one row"));
        } else if (counts.isEmpty()) {
            violations.add(new Problem.Violation("body", "at least one row after the header"));
        }
        return counts;
    }

    private static Count count(String path, String site, String sku, String location, String quantity,
            List<Problem.Violation> violations) {
        int before = violations.size();
        String s = site == null ? "" : site.trim();
        String k = sku == null ? "" : sku.trim();
        String l = location == null || location.isBlank() ? null : location.trim();
        if (!s.matches(SITE)) {
            violations.add(new Problem.Violation(path + ".site", "a warehouse code: 1-32 letters, digits, '.', '_', '-'"));
        }
        if (!k.matches(SKU)) {
            violations.add(new Problem.Violation(path + ".sku", "1-64 characters without spaces, commas, quotes or NUL"));
        }
        if (l != null && (l.length() > 200 || l.contains("\u0000"))) {
            violations.add(new Problem.Violation(path + ".location", "at most 200 characters"));
        }
        BigDecimal q = null;
        try {
            q = new BigDecimal(quantity == null ? "" : quantity.trim());
            if (q.signum() < 0 || q.scale() > 3 || q.precision() - q.scale() > 11) {
                violations.add(new Problem.Violation(path + ".quantity",
                        "zero or more, at most 11 integer and 3 fraction digits"));
            }
        } catch (NumberFormatException e) {
            violations.add(new Problem.Violation(path + ".quantity", "a number, e.g. 12 or 4.5"));
        }
        return violations.size() == before ? new Count(s, k, l, q) : null;
    }

    private static String key(Count count) {
        return count.site() + "\u0000" + count.sku() + "\u0000" + (count.location() == null ? "" : count.location());
    }

    private static Instant takenAt(String value, String field, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(field, "when the snapshot was taken (ISO 8601 instant) is required"));
            return null;
        }
        try {
            Instant taken = Instant.parse(value.trim());
            if (taken.isAfter(Instant.now().plusSeconds(300))) {
                violations.add(new Problem.Violation(field, "is in the future"));
            }
            return taken;
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "an ISO 8601 instant such as 2026-11-24T06:00:00Z"));
            return null;
        }
    }

    private static String source(String value, String field, List<Problem.Violation> violations) {
        if (value == null || !value.trim().matches("[A-Za-z0-9._:@-]{1,100}")) {
            violations.add(new Problem.Violation(field,
                    "the WMS or 3PL that took it: 1-100 letters, digits, '.', '_', ':', '@', '-'"));
            return null;
        }
        return value.trim();
    }

    /** A reconciliation as the API shows it. */
    @RegisterForReflection
    public record ReconciliationView(UUID id, String source, Instant takenAt, Instant receivedAt, String receivedBy,
            int lineCount, int differenceCount, int changedInOdooCount, List<LineView> lines) {

        static ReconciliationView of(InventoryReconciliation report, boolean withLines) {
            return new ReconciliationView(report.id(), report.source(), report.takenAt(), report.receivedAt(),
                    report.receivedBy(), report.lineCount(), report.differenceCount(), report.changedCount(),
                    withLines
                            ? report.lines()
                                    .stream()
                                    .map(line -> new LineView(line.site(), line.sku(), line.location(),
                                            line.snapshotQty(), line.odooQty(), line.difference(),
                                            line.verdict().name(), line.odooChangedAt()))
                                    .toList()
                            : null);
        }
    }

    /** One line of a report: snapshot quantity, Odoo's, snapshot minus Odoo, the verdict, when Odoo last changed it. */
    @RegisterForReflection
    public record LineView(String site, String sku, String location, BigDecimal snapshotQty, BigDecimal odooQty,
            BigDecimal difference, String verdict, Instant odooChangedAt) {
    }
}

package io.portage.edi.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.EdiFile;
import io.portage.edi.service.FileArchive;
import io.smallrye.mutiny.Uni;

/**
 * The EDI exchange for operators at {@code /ops/edi}: every file in and out (the archive and its trace) and the partners
 * with their transport state. Realm role {@code ops} only (the {@code /ops} policy): files carry several partners' data.
 */
@Path("/ops/edi")
@Produces(MediaType.APPLICATION_JSON)
public class EdiResource {

    private final FileArchive archive;

    public EdiResource(FileArchive archive) {
        this.archive = archive;
    }

    /** A file as listed: its trace without its content. */
    public record FileView(UUID id, String partnerId, EdiFile.Direction direction, String document, String fileName,
            String sha256, String interchangeControl, String groupControl, String setControls, EdiFile.Status status,
            String correlationId, String businessKey, String events, int attempts, String lastError, Instant createdAt,
            Instant sentAt, Instant ackDueAt, String ackStatus, String interchangeAck) {

        static FileView of(EdiFile f) {
            return new FileView(f.id(), f.partnerId(), f.direction(), f.document(), f.fileName(), f.sha256(),
                    f.interchangeControl(), f.groupControl(), f.setControls(), f.status(), f.correlationId(),
                    f.businessKey(), f.events(), f.attempts(), f.lastError(), f.createdAt(), f.sentAt(), f.ackDueAt(),
                    f.ackStatus(), f.interchangeAck());
        }
    }

    /** A file with its exact content. */
    public record FileContent(FileView file, String content) {
    }

    /** A partner as configured, with its server's circuit breaker. */
    public record PartnerView(String id, String role, String x12Version, String qualifier, String interchangeId,
            Set<String> documents, String server, String breaker) {
    }

    @GET
    @Path("/files")
    @Operation(summary = "List EDI files", description = "Newest first; by partner, direction (IN, OUT) and document (e.g. 940, or TA1).")
    public Uni<List<FileView>> files(@QueryParam("partner") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String partner,
            @QueryParam("direction") EdiFile.Direction direction,
            @QueryParam("document") @Pattern(regexp = "[0-9]{3}|TA1") String document,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return archive.list(partner, direction, document, limit).map(found -> found.stream().map(FileView::of).toList());
    }

    @GET
    @Path("/files/{id}")
    @Operation(summary = "Get an EDI file", description = "Its trace and its exact content as sent or received.")
    public Uni<FileContent> file(@PathParam("id") UUID id) {
        return archive.get(id).map(f -> new FileContent(FileView.of(f), f.content()));
    }

    @GET
    @Path("/partners")
    @Operation(summary = "List trading partners", description = "As configured, with the state of each server's circuit breaker.")
    public List<PartnerView> partners() {
        return archive.partners()
                .stream()
                .map(state -> new PartnerView(state.partner().id(), state.partner().role().name(),
                        state.partner().version().release(), state.partner().party().qualifier(),
                        state.partner().party().id(),
                        state.partner()
                                .documents()
                                .stream()
                                .map(DocumentType::code)
                                .collect(
                                        java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                        state.partner().sftp().server(), state.breaker().name()))
                .toList();
    }
}

package io.portage.edi.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.domain.CircuitBreaker;
import io.portage.edi.domain.EdiFile;
import io.portage.edi.domain.Partner;
import io.portage.edi.repository.EdiFileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads the archive of files in and out and the partners' transport state, for operators. */
@ApplicationScoped
public class FileArchive {

    private final EdiFileRepository files;
    private final PartnerDirectory partners;
    private final TransportGuard guard;

    public FileArchive(EdiFileRepository files, PartnerDirectory partners, TransportGuard guard) {
        this.files = files;
        this.partners = partners;
        this.guard = guard;
    }

    @WithSession
    public Uni<List<EdiFile>> list(String partnerId, EdiFile.Direction direction, String document, int limit) {
        return files.list(partnerId, direction, document, limit);
    }

    /** The file, or a {@link FileNotFoundException}. */
    @WithSession
    public Uni<EdiFile> get(UUID id) {
        return files.findById(id).onItem().ifNull().failWith(() -> new FileNotFoundException(id));
    }

    /** A partner with where its server's breaker stands. */
    public record PartnerState(Partner partner, CircuitBreaker.State breaker) {
    }

    public List<PartnerState> partners() {
        return partners.all().stream().map(partner -> new PartnerState(partner, guard.breaker(partner))).toList();
    }
}

package io.portage.finance.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.Posting;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Odoo postings and their causes in the {@code finance} schema. */
@ApplicationScoped
public class PostingRepository implements PanacheRepositoryBase<Posting, UUID> {

    /** The postings of an Odoo move, or of a ref, oldest first. */
    public Uni<List<Posting>> of(Long odooMoveId, String ref) {
        return odooMoveId != null
                ? list("odooMoveId = ?1 order by postedAt", odooMoveId)
                : list("ref = ?1 order by postedAt", ref);
    }
}

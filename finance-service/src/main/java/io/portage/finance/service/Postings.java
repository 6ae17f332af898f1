package io.portage.finance.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.Posting;
import io.portage.finance.repository.PostingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Answers "why was this posted": the postings of an Odoo move or ref with the events, batch and correlation id behind them. */
@ApplicationScoped
public class Postings {

    private final PostingRepository postings;

    public Postings(PostingRepository postings) {
        this.postings = postings;
    }

    public Uni<List<Posting>> of(Long odooMoveId, String ref) {
        return Panache.withSession(() -> postings.of(odooMoveId, ref));
    }
}

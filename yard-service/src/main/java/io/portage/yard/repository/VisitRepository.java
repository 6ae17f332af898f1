package io.portage.yard.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.yard.domain.Visit;
import io.portage.yard.domain.VisitStatus;
import io.portage.yard.domain.YardVisit;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Visits in the {@code yard} schema, each {@link Visit} stored as a JSON document. */
@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<YardVisit, String> {

    private final ObjectMapper json;

    public VisitRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Optional<YardVisit>> find(String site, String visitId) {
        return findById(YardVisit.id(site, visitId)).map(Optional::ofNullable);
    }

    /** The visits of a site that have not left, by arrival. */
    public Uni<List<YardVisit>> onSite(String site) {
        return list("site = ?1 and status <> ?2 order by arrivedAt nulls last, visitId", site, VisitStatus.DEPARTED);
    }

    public Visit visit(YardVisit stored) {
        try {
            return json.readValue(stored.state(), Visit.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored visit " + stored.visitId() + " cannot be read", e);
        }
    }

    public String document(Visit visit) {
        try {
            return json.writeValueAsString(visit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The visit cannot be written as JSON", e);
        }
    }
}

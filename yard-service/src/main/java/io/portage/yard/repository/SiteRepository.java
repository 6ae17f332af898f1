package io.portage.yard.repository;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.yard.domain.SiteRules;
import io.portage.yard.domain.YardSite;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Sites and their booking rules in the {@code yard} schema, the rules stored as one JSON document per site. */
@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<YardSite, String> {

    private final ObjectMapper json;

    public SiteRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Optional<SiteRules>> rules(String site) {
        return findById(site).map(found -> Optional.ofNullable(found).map(this::read));
    }

    /** Creates or replaces the site's rules. */
    public Uni<SiteRules> define(String site, SiteRules rules, String by, Instant at) {
        String document = write(rules);
        return findById(site).chain(found -> {
            YardSite stored = found == null ? new YardSite(site) : found;
            stored.define(document, by, at);
            return found == null ? persist(stored) : Uni.createFrom().item(stored);
        }).map(stored -> rules);
    }

    private SiteRules read(YardSite site) {
        try {
            return json.readValue(site.rules(), SiteRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored rules of site " + site.code() + " cannot be read", e);
        }
    }

    private String write(SiteRules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The rules cannot be written as JSON", e);
        }
    }
}

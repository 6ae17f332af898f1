package io.portage.yard.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.domain.CarrierDetention;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Carriers' detention terms in the {@code yard} schema. */
@ApplicationScoped
public class CarrierDetentionRepository implements PanacheRepositoryBase<CarrierDetention, String> {
}

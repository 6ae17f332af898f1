package io.portage.finance.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.CarrierTerms;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Carriers' terms in the {@code finance} schema. */
@ApplicationScoped
public class CarrierTermsRepository implements PanacheRepositoryBase<CarrierTerms, String> {
}

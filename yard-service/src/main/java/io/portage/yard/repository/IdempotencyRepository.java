package io.portage.yard.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.domain.IdempotencyRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Idempotency-Key records in the {@code yard} schema. */
@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, String> {
}

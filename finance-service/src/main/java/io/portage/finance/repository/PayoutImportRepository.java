package io.portage.finance.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.PayoutImport;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Imported payout exports in the {@code finance} schema. */
@ApplicationScoped
public class PayoutImportRepository implements PanacheRepositoryBase<PayoutImport, UUID> {

    public Uni<PayoutImport> byContentHash(String hash) {
        return find("contentHash", hash).firstResult();
    }
}

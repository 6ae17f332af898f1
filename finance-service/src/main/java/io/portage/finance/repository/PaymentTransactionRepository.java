package io.portage.finance.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.PaymentTransaction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Payment providers' balance transactions in the {@code finance} schema. */
@ApplicationScoped
public class PaymentTransactionRepository implements PanacheRepositoryBase<PaymentTransaction, String> {

    /** Which of these ids were imported before. */
    public Uni<List<String>> known(Collection<String> ids) {
        return find("id in ?1", ids).project(IdOnly.class).list().map(rows -> rows.stream().map(IdOnly::id).toList());
    }

    public Uni<List<PaymentTransaction>> ofImport(UUID importId) {
        return list("importId = ?1 order by rowNumber", importId);
    }

    /** The charges and refunds matched to these orders. */
    public Uni<List<PaymentTransaction>> matchedOf(Collection<String> orderIds) {
        return list("orderId in ?1 and status = ?2", orderIds, PaymentTransaction.Status.MATCHED);
    }

    /** A transaction's id alone. */
    public record IdOnly(String id) {
    }
}

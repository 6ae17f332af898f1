package io.portage.yard.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.kit.ops.ExceptionItem;
import io.portage.kit.ops.ExceptionRetrier;
import io.smallrye.mutiny.Uni;

/**
 * Retrying a receipt discrepancy in the exception queue approves its line as counted, by the person who asked: the
 * same as approving it at {@code /ops/yard/receipts}.
 */
@ApplicationScoped
public class ReceiptDiscrepancyRetrier implements ExceptionRetrier {

    private final ReceiptReview review;

    public ReceiptDiscrepancyRetrier(ReceiptReview review) {
        this.review = review;
    }

    @Override
    public String type() {
        return ReceiptReview.DISCREPANCY;
    }

    @Override
    public Uni<Void> retry(ExceptionItem item) {
        return retry(item, "exception-queue");
    }

    @Override
    public Uni<Void> retry(ExceptionItem item, String actor) {
        return review.approveInTransaction(item.businessKey(), actor, null, false).replaceWithVoid();
    }
}

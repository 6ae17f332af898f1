package io.portage.kit.ops;

import io.smallrye.mutiny.Uni;

/**
 * Runs the automation behind one type of exception again, when its owner asks for a retry (after fixing the cause:
 * adding the SKU mapping, correcting the address). A CDI bean per type; the Uni fails when the cause is still there.
 * It runs inside the transaction that closes the item.
 */
public interface ExceptionRetrier {

    /** The exception type this retrier handles, e.g. {@code event.predecessor-missing}. */
    String type();

    Uni<Void> retry(ExceptionItem item);

    /** The retry {@code actor} asked for (an operator, or a service's own name); by default the same as above. */
    default Uni<Void> retry(ExceptionItem item, String actor) {
        return retry(item);
    }
}

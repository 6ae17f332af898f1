package io.portage.shipment.repository;

import jakarta.persistence.OptimisticLockException;

/**
 * The check after a set-based update of rows read at a version ({@code ... where t.version = u.version}): every row
 * must have been updated, else someone changed one since, and the transaction fails as at Hibernate's flush.
 */
final class VersionedUpdate {

    private VersionedUpdate() {
    }

    /** Fails with {@link OptimisticLockException} unless {@code updated} is {@code expected}: "2 of 500 trackers were changed by someone else while ...". */
    static void requireAll(int updated, int expected, String what, String during) {
        if (updated != expected) {
            throw new OptimisticLockException((expected - updated) + " of " + expected + " " + what
                    + " were changed by someone else while " + during);
        }
    }
}

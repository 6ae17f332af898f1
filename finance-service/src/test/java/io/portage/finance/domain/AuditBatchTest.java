package io.portage.finance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** One runner bills a batch at a time: the claim, its renewal, its lapse, and its release. */
class AuditBatchTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);

    private static AuditBatch audited() {
        AuditBatch batch = new AuditBatch("csv", "hash", 2, "finance", "corr-1", NOW);
        batch.audited(2);
        assertThat(batch.status()).isEqualTo(AuditBatch.Status.BILLING);
        return batch;
    }

    @Test
    void aBatchIsBilledByOneRunnerUntilItsClaimLapses() {
        AuditBatch batch = audited();
        assertThat(batch.claimBilling(NOW, LEASE)).isTrue();
        assertThat(batch.claimBilling(NOW.plusSeconds(1), LEASE)).as("another runner, while the claim holds").isFalse();
        assertThat(batch.claimBilling(NOW.plus(LEASE).minusMillis(1), LEASE)).isFalse();
        assertThat(batch.claimBilling(NOW.plus(LEASE).plusMillis(1), LEASE)).as("the first runner died").isTrue();
    }

    @Test
    void aRunnerStillBillingKeepsItsClaimPastTheFirstLease() {
        AuditBatch batch = audited();
        assertThat(batch.claimBilling(NOW, LEASE)).isTrue();
        batch.renewBilling(NOW.plus(Duration.ofMinutes(4)), LEASE);
        assertThat(batch.claimBilling(NOW.plus(LEASE).plusSeconds(1), LEASE)).as("renewed 4 minutes in").isFalse();
        assertThat(batch.claimBilling(NOW.plus(Duration.ofMinutes(9)).plusSeconds(1), LEASE)).isTrue();
    }

    @Test
    void aReleasedClaimIsTakenAtOnceAndAFinishedOrAuditingBatchIsNeverClaimed() {
        AuditBatch batch = audited();
        assertThat(batch.claimBilling(NOW, LEASE)).isTrue();
        batch.releaseBilling();
        assertThat(batch.claimBilling(NOW.plusSeconds(1), LEASE)).isTrue();
        batch.finish(NOW.plusSeconds(2));
        assertThat(batch.claimBilling(NOW.plus(Duration.ofHours(1)), LEASE)).isFalse();
        assertThat(new AuditBatch("csv", "other", 2, "finance", "corr-2", NOW).claimBilling(NOW, LEASE))
                .as("lines still being audited")
                .isFalse();
    }
}

package io.portage.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.portage.gateway.limits.TokenBucket;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsTakenThenRefusedUntilTokensFlowBack() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        for (int i = 3; i >= 0; i--) {
            TokenBucket.Decision decision = bucket.take(0);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(i);
        }
        TokenBucket.Decision refused = bucket.take(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(2);
        assertThat(refused.policy()).isEqualTo("4;w=2");

        // Half a second at 2 a second gives one token back, not more.
        assertThat(bucket.take(SECOND / 2).allowed()).isTrue();
        assertThat(bucket.take(SECOND / 2).allowed()).isFalse();
        // A long quiet spell fills the bucket to its burst, never beyond.
        bucket.take(100 * SECOND);
        assertThat(bucket.take(100 * SECOND).remaining()).isEqualTo(2);
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

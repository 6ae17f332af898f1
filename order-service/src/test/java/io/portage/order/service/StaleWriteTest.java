package io.portage.order.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/** A change that lost the race to a concurrent one is recognised by Hibernate's exception types, however wrapped. */
class StaleWriteTest {

    @Test
    void hibernatesVersionCheckFailuresAreStaleWhereverTheyAreInTheChain() {
        StaleObjectStateException stale = new StaleObjectStateException("Order", UUID.randomUUID());
        assertThat(OrderService.isStale(stale)).isTrue();
        assertThat(OrderService.isStale(new CompletionException(new OptimisticLockException("row changed", stale))))
                .isTrue();
        assertThat(OrderService.isStale(new IllegalStateException("wrapped", new OptimisticLockException()))).isTrue();
    }

    @Test
    void otherFailuresAreNotStaleWhateverTheirMessageSays() {
        assertThat(OrderService.isStale(new IllegalStateException("StaleObjectStateException"))).isFalse();
        assertThat(OrderService.isStale(new RuntimeException(new RuntimeException("OptimisticLockException")))).isFalse();
        assertThat(OrderService.isStale(new OrderNotFoundException(UUID.randomUUID()))).isFalse();
    }
}

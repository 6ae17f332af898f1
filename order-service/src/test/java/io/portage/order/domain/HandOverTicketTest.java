package io.portage.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The hand-over ticket an order carries while it waits for Odoo, in plain Java. */
class HandOverTicketTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aFailureKeepsItsErrorShortAndMakesTheTicketDueAgain() {
        HandOverTicket ticket = new HandOverTicket();
        ticket.dueAt(T0);
        assertThat(ticket.dueAt()).isEqualTo(T0);
        assertThat(ticket.claimed(T0)).isFalse();

        ticket.fail("x".repeat(1500), T0.plusSeconds(2));
        assertThat(ticket.dueAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(ticket.error()).hasSize(1000).endsWith("...");

        ticket.withdraw();
        assertThat(ticket.dueAt()).isNull();
        assertThat(ticket.error()).as("the last error stays for the record").startsWith("xxx");

        ticket.dueAt(T0.plusSeconds(10));
        assertThat(ticket.error()).isNull();
        ticket.fail("Odoo away", T0.plusSeconds(12));
        ticket.clear();
        assertThat(ticket.dueAt()).isNull();
        assertThat(ticket.error()).isNull();
    }

    @Test
    void aReleaseClearsTheTicketAndLinksTheOrderToOdoo() {
        Order order = OrderTest.received();
        order.accept(T0, java.time.Duration.ofHours(1), "intake");
        assertThat(order.handOver().dueAt()).isEqualTo(T0);
        order.handOverFailed("Odoo away", T0.plusSeconds(5));
        assertThat(order.handOver().dueAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(order.handOver().error()).isEqualTo("Odoo away");
        order.release(new OdooOrder(42, "S00042", java.util.List.of(7L)), Fulfiller.warehouse("WH1"), T0.plusSeconds(6));
        assertThat(order.handOver().dueAt()).isNull();
        assertThat(order.handOver().error()).isNull();
        assertThat(order.odoo().pickingIds()).containsExactly(7L);
        assertThat(order.release().fulfiller()).isEqualTo(Fulfiller.warehouse("WH1"));
        assertThat(order.release().at()).isEqualTo(order.odoo().syncedAt());
    }
}

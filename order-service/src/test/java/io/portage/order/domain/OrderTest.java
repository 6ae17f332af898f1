package io.portage.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The order's state machine and routing, in plain Java. */
class OrderTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    static Order received() {
        return Order.receive(new Intake("shop", "S-1", "shop", "WH1", "c-1", T0),
                new Customer("Ada", "ada@example.com", "1 Road", "Rotterdam", "3011", "NL"),
                List.of(new OrderLine.Item("SHOP-1", BigDecimal.ONE), new OrderLine.Item("PT-2", BigDecimal.TEN)));
    }

    @Test
    void anOrderGoesFromReceivedThroughAcceptedToReleasedAndKeepsItsHistory() {
        Order order = received();
        order.mapSkus(Map.of("SHOP-1", "PT-1"));
        assertThat(order.lines()).extracting(OrderLine::productSku).containsExactly("PT-1", "PT-2");
        order.accept(T0.plusSeconds(1), Duration.ofHours(24), "intake");
        assertThat(order.shipBy()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(order.nextSequence()).isEqualTo(2);
        order.release(new OdooOrder(42, "S00042", List.of(7L, 8L)), Fulfiller.warehouse("WH1"), T0.plusSeconds(2));
        assertThat(order.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(order.odoo().pickingIds()).containsExactly(7L, 8L);
        assertThat(order.odoo().erpRef()).isEqualTo("sale.order/42");
        assertThat(order.history().entries()).extracting(HistoryEntry::status)
                .containsExactly(OrderStatus.RECEIVED, OrderStatus.ACCEPTED, OrderStatus.RELEASED);
    }

    @Test
    void aHeldOrderIsAcceptedOnceFixedAndTheSameHoldIsNotRepeated() {
        Order order = received();
        order.hold("Unknown SKU SHOP-1", T0, "intake");
        order.hold("Unknown SKU SHOP-1", T0.plusSeconds(5), "sku-mapping");
        assertThat(order.history().entries()).hasSize(2);
        assertThat(order.history().wasAccepted()).isFalse();
        order.accept(T0.plusSeconds(10), Duration.ofHours(1), "exception-retry");
        assertThat(order.holdReason()).isNull();
        assertThat(order.history().wasAccepted()).isTrue();
    }

    @Test
    void cancellingIsForBeforeReleaseAndNotDuringTheHandOver() {
        Order order = received();
        order.accept(T0, Duration.ofHours(1), "intake");
        order.cancel("changed mind", T0.plusSeconds(1), "partner:shop");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> order.accept(T0, Duration.ofHours(1), "x")).isInstanceOf(OrderStateException.class);

        Order released = received();
        released.accept(T0, Duration.ofHours(1), "intake");
        released.release(new OdooOrder(1, "S1", List.of()), Fulfiller.thirdParty("acme-3pl"), T0);
        assertThatThrownBy(() -> released.cancel("late", T0, "partner:shop"))
                .isInstanceOf(OrderStateException.class)
                .hasMessageContaining("RELEASED");
    }

    static Order released() {
        Order order = received();
        order.accept(T0, Duration.ofHours(1), "intake");
        order.release(new OdooOrder(1, "S1", List.of(7L, 8L)), Fulfiller.warehouse("WH1"), T0);
        return order;
    }

    @Test
    void aLateMilestoneDoesNotMoveTheOrderBackAndKeepsItsTime() {
        Order order = released();
        assertThat(order.reach(OrderStatus.DELIVERED, T0.plusSeconds(90), "shipment", "proof", true))
                .isEqualTo(FulfilmentOutcome.APPLIED);
        assertThat(order.reach(OrderStatus.DISPATCHED, T0.plusSeconds(60), "shipment", null, true))
                .isEqualTo(FulfilmentOutcome.LATE);
        assertThat(order.reach(OrderStatus.PICKED, T0.plusSeconds(30), "warehouse", null, true))
                .isEqualTo(FulfilmentOutcome.LATE);
        assertThat(order.reach(OrderStatus.DISPATCHED, T0.plusSeconds(95), "tracking", null, false))
                .as("a tracking scan after delivery is not recorded")
                .isEqualTo(FulfilmentOutcome.LATE);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.history().entries().getLast().detail()).contains("late");
        assertThat(order.history().entries()).hasSize(6);
        assertThat(order.history().reachedAt(OrderStatus.PICKED)).isEqualTo(T0.plusSeconds(30));
        assertThat(order.history().reachedAt(OrderStatus.DISPATCHED)).isEqualTo(T0.plusSeconds(60));
        assertThat(order.history().reachedAt(OrderStatus.PACKED)).isNull();
        assertThat(order.reach(OrderStatus.DELIVERED, T0.plusSeconds(99), "shipment", "again", true))
                .isEqualTo(FulfilmentOutcome.SAME);
    }

    @Test
    void aMilestoneBeforeReleaseOrAfterCancellationIsRecordedNotApplied() {
        Order accepted = received();
        accepted.accept(T0, Duration.ofHours(1), "intake");
        assertThat(accepted.reach(OrderStatus.PICKED, T0, "warehouse", null, true))
                .isEqualTo(FulfilmentOutcome.NOT_RELEASED);
        assertThat(accepted.status()).isEqualTo(OrderStatus.ACCEPTED);

        Order cancelled = released();
        assertThat(cancelled.cancelInErp("Cancelled in Odoo (S1)", T0.plusSeconds(5), "odoo:test"))
                .isEqualTo(FulfilmentOutcome.APPLIED);
        assertThat(cancelled.reach(OrderStatus.DISPATCHED, T0.plusSeconds(9), "shipment", null, true))
                .isEqualTo(FulfilmentOutcome.CONFLICT);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.history().entries().getLast().note()).isEqualTo(HistoryEntry.Note.AFTER_CANCELLATION);
    }

    @Test
    void odooCancellingAfterPickingIsAConflictAndAfterDispatchChangesNothing() {
        Order picked = released();
        picked.reach(OrderStatus.PICKED, T0.plusSeconds(1), "warehouse", null, true);
        assertThat(picked.cancelInErp("Cancelled in Odoo (S1)", T0.plusSeconds(2), "odoo:test"))
                .isEqualTo(FulfilmentOutcome.CONFLICT);
        assertThat(picked.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(picked.cancelInErp("again", T0.plusSeconds(3), "odoo:test")).isEqualTo(FulfilmentOutcome.SAME);

        Order dispatched = released();
        dispatched.reach(OrderStatus.DISPATCHED, T0.plusSeconds(1), "shipment", null, true);
        assertThat(dispatched.cancelInErp("Cancelled in Odoo (S1)", T0.plusSeconds(2), "odoo:test"))
                .isEqualTo(FulfilmentOutcome.CONFLICT);
        assertThat(dispatched.status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(dispatched.cancellation()).isNull();
    }

    @Test
    void theOrderIsDispatchedWhenAllItsOdooTransfersAreDone() {
        Order order = released();
        assertThat(order.pickingDone(7, "WH/PICK/1", null, T0.plusSeconds(1), "odoo")).isEqualTo(FulfilmentOutcome.SAME);
        assertThat(order.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(order.pickingDone(7, "WH/PICK/1", null, T0.plusSeconds(1), "odoo")).isEqualTo(FulfilmentOutcome.SAME);
        assertThat(order.pickingDone(8, "WH/OUT/1", "TRK-1", T0.plusSeconds(2), "odoo"))
                .isEqualTo(FulfilmentOutcome.APPLIED);
        assertThat(order.status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(order.history().entries().getLast().detail()).contains("WH/OUT/1").contains("TRK-1");
    }

    @Test
    void theFirstInvoiceMarksTheOrderInvoicedAndARepeatChangesNothing() {
        Order order = released();
        assertThat(order.invoiced("INV/1", T0.plusSeconds(5), "odoo")).isEqualTo(FulfilmentOutcome.APPLIED);
        assertThat(order.invoiced("INV/1", T0.plusSeconds(6), "odoo")).isEqualTo(FulfilmentOutcome.SAME);
        assertThat(order.invoiced("INV/2", T0.plusSeconds(7), "odoo")).isEqualTo(FulfilmentOutcome.APPLIED);
        assertThat(order.invoicing().invoicedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(order.invoicing().names()).isEqualTo("INV/1, INV/2");
        assertThat(order.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(order.history().reachedAt(OrderStatus.RELEASED)).isEqualTo(T0);
    }

    @Test
    void theMostSpecificRoutingRuleDecidesAndTheWarehouseIsTheDefault() {
        RoutingRules rules = new RoutingRules(List.of(
                new RoutingRules.Rule(Optional.of("WH2"), Optional.of("bazaar"), Optional.empty(), "bazaar-3pl"),
                new RoutingRules.Rule(Optional.of("WH2"), Optional.empty(), Optional.empty(), "acme-3pl")));
        assertThat(rules.route("WH2", "bazaar", "p")).isEqualTo(Fulfiller.thirdParty("bazaar-3pl"));
        assertThat(rules.route("WH2", "shop", "p")).isEqualTo(Fulfiller.thirdParty("acme-3pl"));
        assertThat(rules.route("WH1", "bazaar", "p")).isEqualTo(Fulfiller.warehouse("WH1"));
    }
}

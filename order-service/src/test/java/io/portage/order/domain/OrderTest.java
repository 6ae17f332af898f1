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
        return Order.receive("shop", "S-1", "shop", "WH1",
                new Order.Customer("Ada", "ada@example.com", "1 Road", "Rotterdam", "3011", "NL"),
                List.of(new OrderLine.Item("SHOP-1", BigDecimal.ONE), new OrderLine.Item("PT-2", BigDecimal.TEN)), "c-1",
                T0);
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
        assertThat(order.history()).extracting(HistoryEntry::status)
                .containsExactly(OrderStatus.RECEIVED, OrderStatus.ACCEPTED, OrderStatus.RELEASED);
    }

    @Test
    void aHeldOrderIsAcceptedOnceFixedAndTheSameHoldIsNotRepeated() {
        Order order = received();
        order.hold("Unknown SKU SHOP-1", T0, "intake");
        order.hold("Unknown SKU SHOP-1", T0.plusSeconds(5), "sku-mapping");
        assertThat(order.history()).hasSize(2);
        assertThat(order.wasAccepted()).isFalse();
        order.accept(T0.plusSeconds(10), Duration.ofHours(1), "exception-retry");
        assertThat(order.holdReason()).isNull();
        assertThat(order.wasAccepted()).isTrue();
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

    @Test
    void aLateMilestoneDoesNotMoveTheOrderBack() {
        Order order = received();
        order.accept(T0, Duration.ofHours(1), "intake");
        order.release(new OdooOrder(1, "S1", List.of()), Fulfiller.warehouse("WH1"), T0);
        assertThat(order.reach(OrderStatus.DISPATCHED, T0.plusSeconds(60), "shipment")).isTrue();
        assertThat(order.reach(OrderStatus.PICKED, T0.plusSeconds(30), "warehouse")).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(order.history().getLast().detail()).contains("late");
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

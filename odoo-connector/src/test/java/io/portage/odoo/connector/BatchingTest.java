package io.portage.odoo.connector;

import static io.portage.odoo.connector.OrderFlowTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.error.OdooMissingException;
import io.portage.odoo.connector.error.OdooValidationException;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.OrderLine;
import io.portage.odoo.connector.ops.OrderRequest;
import io.portage.odoo.connector.ops.OrderResult;
import io.portage.odoo.connector.ops.PartnerRef;
import io.portage.odoo.connector.ops.Picking;
import io.portage.odoo.connector.ops.ProductRef;
import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Batched order creation and coalesced picking writes against a fresh stand-in per test: fewer calls, own results. */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class BatchingTest {

    private static final Duration WINDOW = Duration.ofMillis(300);

    @Inject
    OdooConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    OdooStandin standin;
    OdooClient client;
    OdooOperations ops;
    long partner;
    long product;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (standin != null) {
            standin.close();
        }
    }

    private void start(boolean batching) {
        standin = StandinResource.Standins.start("18.0");
        client = OdooClient.create(vertx, mapper, new TestConfig(config, standin.baseUrl())
                .password(StandinResource.Standins.PASSWORD)
                .batch(batching, 100, WINDOW));
        ops = new OdooOperations(client);
        partner = ops.findOrCreatePartner(new PartnerRef("CUST-B", "Batch Co", null, true)).await().atMost(WAIT);
        product = ops.findOrCreateProduct(new ProductRef("SKU-B", "Crate", true)).await().atMost(WAIT);
    }

    private OrderRequest order(String ref, long partnerId) {
        return new OrderRequest(ref, partnerId, List.of(new OrderLine(product, BigDecimal.valueOf(2), null)));
    }

    /** Each caller's own outcome: its result or its failure. */
    private static List<Object> outcomes(List<Uni<?>> calls) {
        List<Uni<Object>> each = new ArrayList<>();
        calls.forEach(call -> each.add(call.map(result -> (Object) result)
                .onFailure()
                .recoverWithItem(failure -> failure)));
        return Uni.join().all(each).andFailFast().await().atMost(WAIT);
    }

    @Test
    void concurrentCallersShareOneSearchOneCreateOneConfirmAndOneRead() {
        start(true);

        List<Uni<?>> calls = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> calls.add(ops.createAndConfirmOrder(order("REF-B" + i, partner))));
        List<Object> results = outcomes(calls);

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(OrderResult.class));
        assertThat(results).extracting(result -> ((OrderResult) result).state()).containsOnly("sale");
        assertThat(results).extracting(result -> ((OrderResult) result).id()).doesNotHaveDuplicates();
        assertThat(standin.records("sale.order")).extracting(row -> row.get("client_order_ref"))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> "REF-B" + i).toList());
        for (int i = 0; i < 10; i++) {
            OrderResult result = (OrderResult) results.get(i);
            assertThat(standin.records("sale.order"))
                    .filteredOn(row -> String.valueOf(row.get("id")).equals(String.valueOf(result.id())))
                    .extracting(row -> row.get("client_order_ref"))
                    .containsExactly("REF-B" + i);
        }
        assertThat(standin.calls("sale.order", "search_read")).isEqualTo(1);
        assertThat(standin.calls("sale.order", "create")).isEqualTo(1);
        assertThat(standin.calls("sale.order", "action_confirm")).isEqualTo(1);
        assertThat(standin.calls("sale.order", "read")).isEqualTo(1);

        OrderResult again = ops.createAndConfirmOrder(order("REF-B3", partner)).await().atMost(WAIT);
        assertThat(again).isEqualTo(results.get(3));
        assertThat(standin.calls("sale.order", "create")).as("a repeated order is found, not made").isEqualTo(1);
    }

    @Test
    void duplicateRefsInOneWindowMakeOneOrder() {
        start(true);

        List<Object> results = outcomes(List.of(
                ops.createAndConfirmOrder(order("REF-DUP", partner)),
                ops.createAndConfirmOrder(order("REF-DUP", partner)),
                ops.createAndConfirmOrder(order("REF-OTHER", partner)),
                ops.createAndConfirmOrder(order("REF-DUP", partner))));

        assertThat(results.get(0)).isEqualTo(results.get(1)).isEqualTo(results.get(3));
        assertThat(results.get(2)).isNotEqualTo(results.get(0));
        assertThat(standin.records("sale.order")).hasSize(2);
        assertThat(standin.calls("sale.order", "create")).isEqualTo(1);
    }

    @Test
    void anInvalidOrderFailsOnlyItsOwnCaller() {
        start(true);

        List<Object> results = outcomes(List.of(
                ops.createAndConfirmOrder(order("REF-OK1", partner)),
                ops.createAndConfirmOrder(order("REF-OK2", partner)),
                ops.createAndConfirmOrder(order("REF-BAD", 0)),
                ops.createAndConfirmOrder(order("REF-OK3", partner))));

        assertThat(results.get(2)).isInstanceOf(OdooValidationException.class);
        assertThat(((OdooValidationException) results.get(2)).getMessage()).contains("partner_id");
        assertThat(List.of(results.get(0), results.get(1), results.get(3)))
                .allSatisfy(result -> assertThat(((OrderResult) result).state()).isEqualTo("sale"));
        assertThat(standin.records("sale.order")).extracting(row -> row.get("client_order_ref"))
                .containsExactlyInAnyOrder("REF-OK1", "REF-OK2", "REF-OK3");
        assertThat(standin.calls("sale.order", "action_confirm")).isEqualTo(1);
    }

    @Test
    void coalescedPickingWritesKeepTheNewestValueAndMakeFewerCalls() {
        start(true);
        List<Long> pickings = threePickings();
        Instant when = Instant.parse("2026-12-01T08:30:00Z");
        int writes = standin.calls("stock.picking", "write");
        int reads = standin.calls("stock.picking", "read");

        List<Object> results = outcomes(List.of(
                ops.updatePicking(pickings.get(0), "TRK-1", null),
                ops.updatePicking(pickings.get(1), null, when),
                ops.updatePicking(pickings.get(0), "TRK-2", null),
                ops.updatePicking(pickings.get(2), null, when),
                ops.updatePicking(pickings.get(0), "TRK-3", null)));

        assertThat(List.of(results.get(0), results.get(2), results.get(4)))
                .allSatisfy(result -> assertThat(((Picking) result).carrierTrackingRef()).isEqualTo("TRK-3"));
        assertThat(((Picking) results.get(1)).scheduledDate()).isEqualTo(when);
        assertThat(((Picking) results.get(3)).scheduledDate()).isEqualTo(when);
        assertThat(standin.calls("stock.picking", "write") - writes)
                .as("one write for the first picking, one for the two with the same values")
                .isEqualTo(2);
        assertThat(standin.calls("stock.picking", "read") - reads).isEqualTo(1);
    }

    @Test
    void aMissingPickingFailsOnlyItsOwnCaller() {
        start(true);
        List<Long> pickings = threePickings();
        Instant when = Instant.parse("2026-12-02T10:00:00Z");

        List<Object> results = outcomes(List.of(
                ops.updatePicking(pickings.get(0), null, when),
                ops.updatePicking(999_999, null, when),
                ops.updatePicking(pickings.get(1), null, when)));

        assertThat(results.get(1)).isInstanceOf(OdooMissingException.class);
        assertThat(((Picking) results.get(0)).scheduledDate()).isEqualTo(when);
        assertThat(((Picking) results.get(2)).scheduledDate()).isEqualTo(when);
    }

    @Test
    void withBatchingOffEachCallerMakesItsOwnCalls() {
        start(false);

        List<Object> results = outcomes(List.of(
                ops.createAndConfirmOrder(order("REF-S1", partner)),
                ops.createAndConfirmOrder(order("REF-S2", partner)),
                ops.createAndConfirmOrder(order("REF-S3", partner))));

        assertThat(results).extracting(result -> ((OrderResult) result).state()).containsOnly("sale");
        assertThat(standin.calls("sale.order", "create")).isEqualTo(3);
        assertThat(standin.calls("sale.order", "action_confirm")).isEqualTo(3);
        assertThat(standin.calls("sale.order", "search_read")).isZero();

        long picking = ((OrderResult) results.get(0)).pickingIds().get(0);
        Picking updated = ops.updatePicking(picking, "TRK-S", null).await().atMost(WAIT);
        assertThat(updated.carrierTrackingRef()).isEqualTo("TRK-S");
        assertThat(standin.calls("stock.picking", "write")).isEqualTo(1);
    }

    private List<Long> threePickings() {
        List<Object> orders = outcomes(List.of(
                ops.createAndConfirmOrder(order("REF-P1", partner)),
                ops.createAndConfirmOrder(order("REF-P2", partner)),
                ops.createAndConfirmOrder(order("REF-P3", partner))));
        return orders.stream().map(order -> ((OrderResult) order).pickingIds().get(0)).toList();
    }
}

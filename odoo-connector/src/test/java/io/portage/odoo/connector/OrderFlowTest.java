package io.portage.odoo.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooConfig.Protocol;
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
import io.vertx.mutiny.core.Vertx;

/** The typed operations against the stand-in: the order flow on every protocol path, idempotency and paging. */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class OrderFlowTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    OdooClient client;
    @Inject
    OdooOperations operations;
    @Inject
    OdooConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    @Test
    void theConfiguredClientSpeaksJsonRpcToOdoo18AndMakesEachOrderOnce() {
        OdooStandin standin = StandinResource.standin;
        assertThat(client.protocol().await().atMost(WAIT)).isEqualTo(Protocol.JSON_RPC);

        int orders = standin.calls("sale.order", "create");
        int confirms = standin.calls("sale.order", "action_confirm");
        int partners = standin.calls("res.partner", "create");

        OrderResult first = orderFlow(operations, "CDI");
        OrderResult again = operations.createAndConfirmOrder(request("CDI", first)).await().atMost(WAIT);

        assertThat(again).isEqualTo(first);
        assertThat(standin.calls("sale.order", "create")).isEqualTo(orders + 1);
        assertThat(standin.calls("sale.order", "action_confirm")).isEqualTo(confirms + 1);
        assertThat(standin.calls("res.partner", "create")).isEqualTo(partners + 1);
    }

    @Test
    void updatesAPickingsTrackingReferenceAndScheduledDate() {
        OrderResult order = orderFlow(operations, "TRACK");
        Instant when = Instant.parse("2026-12-01T08:30:00Z");

        Picking picking = operations.updatePicking(order.pickingIds().get(0), "TRK-123", when).await().atMost(WAIT);

        assertThat(picking.carrierTrackingRef()).isEqualTo("TRK-123");
        assertThat(picking.scheduledDate()).isEqualTo(when);
    }

    @Test
    void validatesAPartlyDoneDeliveryWithABackorderAndAgainWithoutEffect() {
        OrderResult order = orderFlow(operations, "VALIDATE");
        long pickingId = order.pickingIds().get(0);
        long product = client.calls()
                .search("product.product",
                        List.of(List.of("default_code", "=", "SKU-VALIDATE")), 1)
                .await()
                .atMost(WAIT)
                .get(0);

        Picking done = operations.validatePicking(pickingId, Map.of(product, BigDecimal.ONE), true)
                .await()
                .atMost(WAIT);
        Picking again = operations.validatePicking(pickingId, Map.of(product, BigDecimal.ONE), true)
                .await()
                .atMost(WAIT);

        assertThat(done.state()).isEqualTo("done");
        assertThat(again).isEqualTo(done);
        assertThat(client.calls()
                .searchCount("stock.picking", List.of(List.of("backorder_id", "=", pickingId)))
                .await()
                .atMost(WAIT)).isEqualTo(1);
        assertThat(StandinResource.standin.calls("stock.backorder.confirmation", "process")).isEqualTo(1);
    }

    @Test
    void pagesThroughSearchRead() {
        for (int i = 1; i <= 5; i++) {
            operations.findOrCreatePartner(new PartnerRef("PAGE-" + i, "Page " + i, null, true)).await().atMost(WAIT);
        }

        List<List<JsonNode>> pages = client.calls()
                .searchReadPages("res.partner",
                        List.of(List.of("ref", "=like", "PAGE-%")), List.of("id", "ref"), "id")
                .collect()
                .asList()
                .await()
                .atMost(WAIT);

        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(pages.stream().flatMap(List::stream).map(row -> row.get("ref").asText()))
                .containsExactly("PAGE-1", "PAGE-2", "PAGE-3", "PAGE-4", "PAGE-5");
    }

    static Stream<Arguments> protocolPaths() {
        return Stream.of(
                Arguments.of("17.0", Protocol.JSON_RPC, false, Protocol.JSON_RPC),
                Arguments.of("17.0", Protocol.XML_RPC, false, Protocol.XML_RPC),
                Arguments.of("18.0", Protocol.AUTO, false, Protocol.JSON_RPC),
                Arguments.of("19.0", Protocol.AUTO, true, Protocol.JSON_2),
                Arguments.of("19.0", Protocol.JSON_2, true, Protocol.JSON_2));
    }

    @ParameterizedTest(name = "Odoo {0} over {3}")
    @MethodSource("protocolPaths")
    void createsAndConfirmsAnOrderAndReadsItsPickings(String version, Protocol configured, boolean apiKey,
            Protocol expected) {
        try (OdooStandin standin = StandinResource.Standins.start(version)) {
            TestConfig settings = new TestConfig(config, standin.baseUrl()).protocol(configured);
            if (apiKey) {
                settings.apiKey(StandinResource.Standins.API_KEY);
            } else {
                settings.password(StandinResource.Standins.PASSWORD);
            }
            try (OdooClient other = OdooClient.create(vertx, mapper, settings)) {
                assertThat(other.protocol().await().atMost(WAIT)).isEqualTo(expected);
                OdooOperations ops = new OdooOperations(other);

                OrderResult order = orderFlow(ops, "P-" + version + "-" + expected);
                ops.createAndConfirmOrder(request("P-" + version + "-" + expected, order)).await().atMost(WAIT);

                assertThat(standin.calls("sale.order", "create")).isEqualTo(1);
                JsonNode product = other.calls()
                        .searchRead("product.product",
                                List.of(List.of("default_code", "=", "SKU-P-" + version + "-" + expected)),
                                List.of("type"), 0, 0, null)
                        .await()
                        .atMost(WAIT)
                        .get(0);
                assertThat(product.get("type").asText()).isEqualTo(version.equals("17.0") ? "product" : "consu");
            }
        }
    }

    /** Partner, storable product, confirmed order, and its pickings read back. */
    static OrderResult orderFlow(OdooOperations ops, String key) {
        long partner = ops.findOrCreatePartner(new PartnerRef("CUST-" + key, "Customer " + key, "c@example.com", true))
                .await()
                .atMost(WAIT);
        long product = ops.findOrCreateProduct(new ProductRef("SKU-" + key, "Pallet " + key, true)).await().atMost(WAIT);
        assertThat(ops.findOrCreatePartner(new PartnerRef("CUST-" + key, "Customer " + key, null, true))
                .await()
                .atMost(WAIT)).isEqualTo(partner);

        OrderResult order = ops.createAndConfirmOrder(new OrderRequest("REF-" + key, partner,
                List.of(new OrderLine(product, BigDecimal.valueOf(2), null)))).await().atMost(WAIT);

        assertThat(order.state()).isEqualTo("sale");
        assertThat(order.name()).isNotBlank();
        assertThat(order.pickingIds()).isNotEmpty();
        List<Picking> pickings = ops.orderPickings(order.id()).await().atMost(WAIT);
        assertThat(pickings).extracting(Picking::id).containsExactlyElementsOf(order.pickingIds());
        assertThat(pickings.get(0).origin()).contains(order.name());
        assertThat(pickings.get(0).moveIds()).isNotEmpty();
        return order;
    }

    static OrderRequest request(String key, OrderResult order) {
        return new OrderRequest("REF-" + key, 1, List.of(new OrderLine(1, BigDecimal.ONE, null)));
    }

    static Map<String, Object> orderVals(String ref, long partner, long product) {
        return Map.of("partner_id", partner, "client_order_ref", ref,
                "order_line", List.of(List.of(0, 0, Map.of("product_id", product, "product_uom_qty", 1.0))));
    }
}

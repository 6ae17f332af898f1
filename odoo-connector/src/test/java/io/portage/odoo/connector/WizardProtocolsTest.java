package io.portage.odoo.connector;

import static io.portage.odoo.connector.OrderFlowTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.portage.odoo.connector.ops.MoveResult;
import io.portage.odoo.connector.ops.Picking;
import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** The wizard rule and the context reach Odoo the same way over XML-RPC (17), JSON-RPC (18) and JSON-2 (19). */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class WizardProtocolsTest {

    @Inject
    OdooConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    OwnStandin odoo;

    @AfterEach
    void stop() {
        odoo.close();
    }

    static Stream<Arguments> protocolPaths() {
        return Stream.of(Arguments.of("17.0", Protocol.XML_RPC), Arguments.of("18.0", Protocol.JSON_RPC),
                Arguments.of("19.0", Protocol.JSON_2));
    }

    private <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    @ParameterizedTest(name = "Odoo {0} over {1}")
    @MethodSource("protocolPaths")
    void aShortDeliveryIsShippedWithItsBackorderAndInvoicedOnce(String version, Protocol protocol) {
        // ODOO.md "Wizards": the backorder wizard is created with the action's context and answered with it
        odoo = new OwnStandin(OdooStandin.builder().version(version), config, vertx, mapper, protocol);
        await(odoo.client.calls().write("product.product", List.of(2L), Map.of("invoice_policy", "delivery")));
        long customer = await(odoo.client.calls().create("res.partner", Map.of("name", "Phone Co", "phone", "+1 555")));
        long order = await(odoo.client.calls()
                .create("sale.order", Map.of("partner_id", customer, "order_line",
                        List.of(List.of(0, 0, Map.of("product_id", 2, "product_uom_qty", 8))))));
        await(odoo.client.calls().callOnRecords("sale.order", "action_confirm", List.of(order), Map.of()));
        long delivery = await(odoo.ops.stock().orderPickings(order)).get(0).id();

        Picking shipped = await(odoo.ops.stock().validateDelivery(delivery, Map.of(2L, new BigDecimal("5")), true));
        assertThat(shipped.state()).isEqualTo("done");
        assertThat(await(odoo.ops.stock().orderPickings(order))).hasSize(2);
        List<MoveResult> invoices = await(odoo.ops.invoicing().invoiceOrder(order));
        assertThat(invoices).singleElement().satisfies(i -> assertThat(i.amountTotal()).isEqualByComparingTo("1750"));
        assertThat(await(odoo.ops.invoicing().invoiceOrder(order))).isEqualTo(invoices);
        assertThat(odoo.standin.calls("confirm.stock.sms", "create")).isZero();
    }
}

package io.portage.odoo.connector;

import static io.portage.odoo.connector.OrderFlowTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.ops.OdooInstance;
import io.portage.odoo.connector.ops.OrderResult;
import io.portage.odoo.connector.ops.PartnerRef;
import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Many customers and orders in a few calls, the instance's identity, and None answered without result. */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class CustomersAndInstanceTest {

    @Inject
    OdooConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    OwnStandin odoo;

    @AfterEach
    void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }

    private <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    @Test
    void manyCustomersAreFoundOrCreatedInOneSearchAndOneCreate() {
        // ODOO.md "What a call costs": one search_read of all refs, one create of the missing partners
        odoo = new OwnStandin(OdooStandin.builder(), config, vertx, mapper);
        List<PartnerRef> customers = List.of(new PartnerRef("CUST-AZURE", "Azure Interior", null, true),
                new PartnerRef("C-NEW-1", "New One", "one@example.com", true, new PartnerRef.Address("1 Main St",
                        "Lyon", "69001", "FR")),
                new PartnerRef("C-NEW-2", "New Two", null, false), new PartnerRef("C-NEW-1", "New One", null, true));
        Map<String, Long> ids = await(odoo.ops.partners().findOrCreateCustomers(customers));
        assertThat(ids).containsOnlyKeys("CUST-AZURE", "C-NEW-1", "C-NEW-2").containsEntry("CUST-AZURE", 3L);
        assertThat(odoo.standin.calls("res.partner", "search_read")).isEqualTo(1);
        assertThat(odoo.standin.calls("res.partner", "create")).isEqualTo(1);
        assertThat(odoo.standin.records("res.partner")).filteredOn(p -> "C-NEW-1".equals(p.get("ref")))
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("country_id", List.of(3, "France")));

        assertThat(await(odoo.ops.partners().findOrCreateCustomers(customers))).isEqualTo(ids);
        assertThat(odoo.standin.calls("res.partner", "create")).isEqualTo(1);
    }

    @Test
    void concurrentFindOrCreatePartnerCallersShareOneSearchAndOneCreate() {
        // ODOO.md "What a call costs" and "Concurrency": batched, a ref asked twice in one window is made once
        odoo = new OwnStandin(OdooStandin.builder(), config, vertx, mapper, true);
        List<Uni<Long>> calls = List.of("B-1", "B-2", "B-1", "CUST-DECO")
                .stream()
                .map(ref -> odoo.ops.findOrCreatePartner(new PartnerRef(ref, "Batch " + ref, null, true)))
                .toList();
        List<Long> ids = await(Uni.join().all(calls).andFailFast());
        assertThat(ids.get(0)).isEqualTo(ids.get(2));
        assertThat(ids.get(3)).isEqualTo(4L);
        assertThat(odoo.standin.calls("res.partner", "search_read")).isEqualTo(1);
        assertThat(odoo.standin.calls("res.partner", "create")).isEqualTo(1);
        assertThat(odoo.standin.records("res.partner")).filteredOn(p -> "B-1".equals(p.get("ref"))).hasSize(1);
    }

    @Test
    void manyOrdersNamesAndPickingsAreReadInOneCall() {
        odoo = new OwnStandin(OdooStandin.builder(), config, vertx, mapper);
        List<Long> orders = List.of(1L, 2L).stream().map(i -> {
            long id = await(odoo.client.calls()
                    .create("sale.order", Map.of("partner_id", 3, "order_line", List.of(
                            List.of(0, 0, Map.of("product_id", 1, "product_uom_qty", 1))))));
            await(odoo.client.calls().callOnRecords("sale.order", "action_confirm", List.of(id), Map.of()));
            return id;
        }).toList();
        int reads = odoo.standin.calls("sale.order", "read");
        Map<Long, OrderResult> read = await(odoo.ops.sales().readOrders(orders));
        assertThat(read).containsOnlyKeys(orders);
        assertThat(read.get(orders.get(1))).satisfies(o -> {
            assertThat(o.name()).isEqualTo("S00002");
            assertThat(o.pickingIds()).hasSize(1);
        });
        assertThat(odoo.standin.calls("sale.order", "read")).isEqualTo(reads + 1);
    }

    @Test
    void theInstanceIsIdentifiedByUrlDatabaseVersionAndCreationDate() {
        // ODOO.md "Which Odoo is this?": URL + database + version + res.company 1's create_date
        odoo = new OwnStandin(OdooStandin.builder().databaseCreated(Instant.parse("2024-05-06T07:08:09Z")), config,
                vertx, mapper);
        OdooInstance instance = await(odoo.ops.instance().identify());
        assertThat(instance.url()).isEqualTo(odoo.standin.baseUrl());
        assertThat(instance).extracting(OdooInstance::database, OdooInstance::serie, OdooInstance::databaseCreated)
                .containsExactly("portage", "18.0", "2024-05-06 07:08:09");
        assertThat(instance.fingerprint()).hasSize(32).isEqualTo(await(odoo.ops.instance().identify()).fingerprint());
        OdooInstance sameWritten = new OdooInstance(instance.url().toUpperCase().replace("HTTP", "http") + "/",
                "portage", "18.0-20990101", "18.0", "2024-05-06 07:08:09");
        assertThat(sameWritten.fingerprint()).isEqualTo(instance.fingerprint());
        assertThat(new OdooInstance(instance.url(), "portage", "18.0", "18.0", "2024-05-06 07:08:10").fingerprint())
                .isNotEqualTo(instance.fingerprint());
        assertThat(odoo.standin.calls("ir.config_parameter", "search_read")).isZero();
    }

    @Test
    void aMethodReturningNoneIsASuccessWithNullNotTheEnvelope() {
        // ODOO.md "General rules": no result key at all; treat it as success
        odoo = new OwnStandin(OdooStandin.builder(), config, vertx, mapper);
        long move = await(odoo.client.calls()
                .create("account.move", Map.of("move_type", "entry", "line_ids", List.of(
                        List.of(0, 0, Map.of("account_id", 4, "debit", 5.0)), List.of(0, 0, Map.of("account_id", 6, "credit",
                                5.0))))));
        JsonNode answer = await(odoo.client.calls()
                .callOnRecords("account.move", "button_cancel", List.of(move),
                        Map.of()));
        assertThat(answer.isNull()).isTrue();
        assertThat(odoo.standin.records("account.move").get(0)).containsEntry("state", "cancel");
    }
}

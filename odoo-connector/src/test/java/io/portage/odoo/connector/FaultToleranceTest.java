package io.portage.odoo.connector;

import static io.portage.odoo.connector.OrderFlowTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.portage.odoo.connector.error.OdooAuthException;
import io.portage.odoo.connector.error.OdooException;
import io.portage.odoo.connector.error.OdooUnavailableException;
import io.portage.odoo.connector.error.OdooValidationException;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.OrderLine;
import io.portage.odoo.connector.ops.OrderRequest;
import io.portage.odoo.connector.ops.OrderResult;
import io.portage.odoo.connector.ops.PartnerRef;
import io.portage.odoo.connector.ops.ProductRef;
import io.portage.odoo.standin.Fault;
import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;

/** Timeouts, retries, the circuit breaker, error types and key rotation against a stand-in that fails on purpose. */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class FaultToleranceTest {

    @Inject
    OdooConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    OdooStandin standin;
    OdooClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (standin != null) {
            standin.close();
        }
    }

    private OdooClient start(TestConfig settings) {
        client = OdooClient.create(vertx, mapper, settings);
        return client;
    }

    private TestConfig odoo(String version) {
        standin = StandinResource.Standins.start(version);
        return new TestConfig(config, standin.baseUrl());
    }

    @Test
    void aCreateThatTimedOutAfterCommitIsFoundByTheRetriedOperationNotMadeTwice() {
        OdooClient odoo = start(odoo("18.0").password(StandinResource.Standins.PASSWORD).timeout(Duration.ofMillis(700)));
        OdooOperations ops = new OdooOperations(odoo);
        long partner = ops.findOrCreatePartner(new PartnerRef("C-T", "Timeout Co", null, true)).await().atMost(WAIT);
        long product = ops.findOrCreateProduct(new ProductRef("SKU-T", "Crate", true)).await().atMost(WAIT);

        standin.faults().failNext(1, Fault.TIMEOUT_AFTER_COMMIT);
        Throwable raw = catchThrowable(() -> odoo.calls()
                .create("sale.order",
                        OrderFlowTest.orderVals("REF-T", partner, product))
                .await()
                .atMost(WAIT));
        assertThat(raw).isInstanceOf(OdooUnavailableException.class);
        assertThat(((OdooException) raw).odooName()).isEqualTo("timeout");
        assertThat(standin.calls("sale.order", "create")).as("a bare create is not repeated").isEqualTo(1);

        standin.faults().failNext(1, Fault.TIMEOUT_AFTER_COMMIT);
        OrderResult order = ops.createAndConfirmOrder(new OrderRequest("REF-T", partner,
                List.of(new OrderLine(product, BigDecimal.ONE, null)))).await().atMost(WAIT);

        assertThat(order.state()).isEqualTo("sale");
        assertThat(standin.calls("sale.order", "create")).isEqualTo(1);
        assertThat(standin.records("sale.order")).hasSize(1);
    }

    @Test
    void aFlappingOdooIsRetriedThenTheCircuitOpensThenItRecovers() throws InterruptedException {
        OdooClient odoo = start(odoo("18.0").password(StandinResource.Standins.PASSWORD));
        List<?> anyPartner = List.of(List.of("id", ">", 0));

        standin.faults().failNext(2, Fault.UNAVAILABLE_503);
        assertThat(odoo.calls().searchCount("res.partner", anyPartner).await().atMost(WAIT)).isPositive();
        assertThat(standin.faults().pending()).isZero();

        standin.faults().failNext(50, Fault.UNAVAILABLE_503);
        Throwable down = catchThrowable(() -> odoo.calls().searchCount("res.partner", anyPartner).await().atMost(WAIT));
        assertThat(down).isInstanceOf(OdooUnavailableException.class);

        int pending = standin.faults().pending();
        long started = System.nanoTime();
        Throwable fast = catchThrowable(() -> odoo.calls().searchCount("res.partner", anyPartner).await().atMost(WAIT));
        assertThat(fast).isInstanceOf(OdooUnavailableException.class);
        assertThat(((OdooException) fast).odooName()).isEqualTo("circuit-open");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(standin.faults().pending()).as("an open circuit does not call Odoo").isEqualTo(pending);

        standin.faults().clear();
        Thread.sleep(config.circuitBreaker().delay().toMillis() + 200);
        assertThat(odoo.calls().searchCount("res.partner", anyPartner).await().atMost(WAIT)).isPositive();
    }

    @Test
    void aValidationErrorIsNotRetriedAndCarriesOdoosMessage() {
        OdooClient odoo = start(odoo("18.0").password(StandinResource.Standins.PASSWORD));

        Throwable failure = catchThrowable(() -> new OdooOperations(odoo)
                .createAndConfirmOrder(new OrderRequest("REF-NO-PARTNER", 0, List.of()))
                .await()
                .atMost(WAIT));

        assertThat(failure).isInstanceOf(OdooValidationException.class);
        OdooException odooFailure = (OdooException) failure;
        assertThat(odooFailure.odooName()).startsWith("odoo.exceptions.");
        assertThat(odooFailure.getMessage()).isNotBlank();
        assertThat(standin.calls("sale.order", "create")).isEqualTo(1);
    }

    @Test
    void aConcurrencyErrorIsRetriedAndSucceeds() {
        OdooClient odoo = start(odoo("17.0").protocol(Protocol.XML_RPC)
                .password(StandinResource.Standins.PASSWORD));
        odoo.calls().searchCount("res.partner", List.of()).await().atMost(WAIT);

        standin.faults().failNext(1, Fault.CONCURRENCY_ERROR);
        long id = odoo.calls()
                .create("res.partner", java.util.Map.of("name", "Racy", "ref", "RACY"))
                .await()
                .atMost(WAIT);

        assertThat(id).isPositive();
        assertThat(standin.calls("res.partner", "create")).isEqualTo(2);
        assertThat(standin.records("res.partner")).filteredOn(r -> "RACY".equals(String.valueOf(r.get("ref"))))
                .hasSize(1);
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        OdooClient odoo = start(odoo("19.0").apiKey(StandinResource.Standins.API_KEY));
        odoo.calls().searchCount("res.partner", List.of()).await().atMost(WAIT);

        standin.faults().failNext(2, Fault.DROP_CONNECTION);
        List<Long> ids = odoo.calls().search("res.partner", List.of(), 5).await().atMost(WAIT);

        assertThat(ids).isNotEmpty();
        assertThat(standin.faults().pending()).isZero();
    }

    @Test
    void aWrongPasswordOrKeyIsAnAuthErrorWithoutTheSecret() {
        OdooClient odoo = start(odoo("18.0").password("not-the-password"));
        Throwable jsonRpc = catchThrowable(() -> odoo.calls()
                .searchCount("res.partner", List.of())
                .await()
                .atMost(WAIT));
        assertThat(jsonRpc).isInstanceOf(OdooAuthException.class);
        assertThat(jsonRpc.toString()).doesNotContain("not-the-password");
        standin.close();

        OdooClient json2 = OdooClient.create(vertx, mapper, odoo("19.0").apiKey("not-the-key"));
        try {
            Throwable failure = catchThrowable(() -> json2.calls()
                    .searchCount("res.partner", List.of())
                    .await()
                    .atMost(WAIT));
            assertThat(failure).isInstanceOf(OdooAuthException.class);
            assertThat(failure.toString()).doesNotContain("not-the-key");
            assertThat(standin.calls("res.partner", "search_count")).isZero();
        } finally {
            json2.close();
        }
    }

    @Test
    void aRotatedApiKeyIsPickedUpFromTheKeyFileWithoutRestart() throws Exception {
        Path keyFile = Files.createTempFile("odoo-key", ".txt");
        Files.writeString(keyFile, StandinResource.Standins.API_KEY);
        OdooClient odoo = start(odoo("19.0").apiKeyFile(keyFile));
        assertThat(odoo.protocol().await().atMost(WAIT)).isEqualTo(Protocol.JSON_2);
        assertThat(odoo.calls().searchCount("res.partner", List.of()).await().atMost(WAIT)).isNotNegative();

        standin.rotateApiKey("rotated-key-1");
        Files.writeString(keyFile, "rotated-key-1\n");
        assertThat(odoo.calls().searchCount("res.partner", List.of()).await().atMost(WAIT)).isNotNegative();

        FileTime unchanged = Files.getLastModifiedTime(keyFile);
        standin.rotateApiKey("rotated-key-2");
        Files.writeString(keyFile, "rotated-key-2\n");
        Files.setLastModifiedTime(keyFile, unchanged);
        assertThat(odoo.calls().searchCount("res.partner", List.of()).await().atMost(WAIT))
                .as("an auth failure re-reads the key file once")
                .isNotNegative();
        Files.delete(keyFile);
    }
}

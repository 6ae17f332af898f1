package io.portage.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * EDI 210s as edi-gateway publishes them (CarrierInvoiceReceived v1 on portage.finance, lines of tracking number and
 * amount) audited against the labels' costs and billed, once per carrier and invoice number however often and in
 * whatever order they are delivered.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class CarrierInvoiceEdiTest extends CarrierTestFixture {

    ProducerRecord<String, String> received(String invoiceNumber, String receivedAt, String eventId, String... lines) {
        String id = UUID.nameUUIDFromBytes((carrier + "|" + invoiceNumber).getBytes(StandardCharsets.UTF_8)).toString();
        List<String> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.length; i += 2) {
            items.add("{\"trackingNumber\":\"%s\",\"amount\":{\"amount\":\"%s\",\"currency\":\"EUR\"}}".formatted(lines[i],
                    lines[i + 1]));
            total = total.add(new BigDecimal(lines[i + 1]));
        }
        String json = """
                {"carrierInvoiceId":"%s","carrier":"%s","invoiceNumber":"%s","invoiceDate":"2026-03-20",
                 "total":{"amount":"%s","currency":"EUR"},"lines":[%s],"receivedAt":"%s"}"""
                .formatted(id, carrier, invoiceNumber, total.toPlainString(), String.join(",", items), receivedAt);
        return CloudEventRecords.binary(EventCatalog.CARRIER_INVOICE_RECEIVED_V1.topic(), eventId,
                EventCatalog.CARRIER_INVOICE_RECEIVED_V1.type(), id, json, Map.of("sequence", "1", "correlationid",
                        "edi-" + invoiceNumber));
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class), "");
    }

    /** A number about this test's carrier's stored invoices ({@code sql} takes the carrier). */
    long count(String sql) {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, carrier);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String batchOf(String invoiceNumber) {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(
                        "select batch_id from finance.carrier_invoice where carrier = ? and invoice_number = ?")) {
            statement.setString(1, carrier);
            statement.setString(2, invoiceNumber);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void edi210sAreAuditedByAmountAndBilledOncePerInvoiceNumber() {
        String first = "EDI-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "EDI-" + UUID.randomUUID().toString().substring(0, 8);
        String once = UUID.randomUUID().toString();
        // T1: 201.00 for a 200.00 label (allowance 4.00) is paid; T2 overcharged; no label carries T9.
        String[] lines = {"T1", "201.00", "T2", "230.00", "T9", "50.00"};
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings()
                    .fromRecords(received(first, "2026-03-20T10:00:00Z", once, lines),
                            received(first, "2026-03-20T10:00:00Z", once, lines),
                            // The same 210 picked up again: a new event, a later receivedAt.
                            received(first, "2026-03-20T11:00:00Z", UUID.randomUUID().toString(), lines),
                            received(second, "2026-03-21T10:00:00Z", UUID.randomUUID().toString(), "T3", "200.00"),
                            received(first, "2026-03-22T10:00:00Z", UUID.randomUUID().toString(), lines))
                    .awaitCompletion(WAIT);
        }
        await().atMost(WAIT).until(() -> batchOf(first) != null && batchOf(second) != null);
        JsonPath report = report(batchOf(first));
        assertThat(report.getString("invoices[0].status")).isEqualTo("BILLED");
        assertThat(report.getList("disputes.disputeClass")).containsExactlyInAnyOrder("OVERCHARGE", "UNKNOWN_SHIPMENT");
        assertThat(report.getString("disputes.find { it.disputeClass == 'OVERCHARGE' }.evidence.basis"))
                .isEqualTo("AMOUNT_ONLY");
        assertThat(report.getString("disputes.find { it.disputeClass == 'OVERCHARGE' }.evidence.notReRated")).isNotBlank();
        assertThat(report(batchOf(second)).getString("invoices[0].status")).isEqualTo("BILLED");

        List<Map<String, Object>> bills = bills(first);
        assertThat(bills).hasSize(1);
        assertThat(new BigDecimal(bills.get(0).get("amount_total").toString())).isEqualByComparingTo("201.00");
        // The EUR bill in the company's USD at Odoo's rate of its date (0.92): 201.00 / 0.92 = 218.48.
        assertThat(new BigDecimal(bills.get(0).get("amount_total_signed").toString())).isEqualByComparingTo("-218.48");
        assertThat(bills(second)).hasSize(1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertThat(count("select count(*) from finance.carrier_invoice where carrier = ?")).isEqualTo(2);
            assertThat(count("select count(*) from finance.carrier_invoice_line where carrier = ?")).isEqualTo(4);
            assertThat(count("select count(distinct batch_id) from finance.carrier_invoice where carrier = ?")).isEqualTo(2);
        });
        assertThat(disputesOf(batchOf(first))).hasSize(2);
    }
}

package io.portage.odoo.connector;

import static io.portage.odoo.connector.OrderFlowTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.portage.odoo.connector.error.OdooException;
import io.portage.odoo.connector.error.OdooMissingException;
import io.portage.odoo.connector.error.OdooValidationException;
import io.portage.odoo.connector.ops.MoveKind;
import io.portage.odoo.connector.ops.MoveLine;
import io.portage.odoo.connector.ops.MoveRequest;
import io.portage.odoo.connector.ops.MoveResult;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.standin.Fault;
import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;

/**
 * Invoices, vendor bills, credit notes and accrual entries against the stand-in: each made and posted once, however
 * often the call is repeated or retried, on every protocol path; Odoo's refusals surface as they are.
 */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class MoveFlowTest {

    /** Seed data of the stand-in: customer Azure Interior, vendor Deco Addict, accounts Expenses and Accrued Expenses. */
    static final long CUSTOMER = 3;
    static final long CARRIER = 4;
    static final long EXPENSES = 4;
    static final long ACCRUED = 5;
    static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

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

    OdooStandin own;
    OdooClient ownClient;

    @AfterEach
    void close() {
        if (ownClient != null) {
            ownClient.close();
        }
        if (own != null) {
            own.close();
        }
    }

    static Stream<Arguments> protocolPaths() {
        return Stream.of(
                Arguments.of("17.0", Protocol.XML_RPC, false),
                Arguments.of("17.0", Protocol.JSON_RPC, false),
                Arguments.of("18.0", Protocol.AUTO, false),
                Arguments.of("19.0", Protocol.JSON_2, true));
    }

    @ParameterizedTest(name = "Odoo {0} over {1}")
    @MethodSource("protocolPaths")
    void everyKindIsCreatedAndPostedOnceHoweverOftenItIsAsked(String version, Protocol protocol, boolean apiKey) {
        OdooOperations ops = new OdooOperations(start(version, protocol, apiKey, null));

        MoveResult invoice = twice(ops, invoice("PORTAGE-INV-1"));
        MoveResult bill = twice(ops, MoveRequest.vendorBill("DHL-BILL-889", CARRIER, LocalDate.of(2026, 1, 15),
                List.of(MoveLine.label("Linehaul Rotterdam - Lyon", BigDecimal.ONE, new BigDecimal("640.00"))
                        .withAccount(EXPENSES))));
        MoveResult accrual = twice(ops, accrual("ACCR-SHP-42", "640.00", "640.00"));
        MoveResult creditNote = twice(ops, MoveRequest.creditNote("PORTAGE-CN-1", CUSTOMER, invoice.id(), List.of(
                MoveLine.label("Damaged pallet", BigDecimal.ONE, new BigDecimal("70.00")))));

        assertThat(invoice).extracting(MoveResult::name, MoveResult::state, MoveResult::moveType, MoveResult::ref,
                MoveResult::currency)
                .containsExactly("INV/" + YEAR + "/00001", "posted", "out_invoice",
                        "PORTAGE-INV-1", "USD");
        assertThat(invoice.amountTotal()).isEqualByComparingTo("165.50");
        assertThat(bill).extracting(MoveResult::name, MoveResult::state, MoveResult::moveType)
                .containsExactly("BILL/2026/00001", "posted", "in_invoice");
        assertThat(bill.amountTotal()).isEqualByComparingTo("640");
        assertThat(accrual).extracting(MoveResult::name, MoveResult::state, MoveResult::moveType)
                .containsExactly("MISC/2026/00001", "posted", "entry");
        assertThat(accrual.amountTotal()).isEqualByComparingTo("640");
        assertThat(creditNote).extracting(MoveResult::name, MoveResult::moveType, MoveResult::reversedEntryId)
                .containsExactly("RINV/" + YEAR + "/00001", "out_refund", invoice.id());
        assertThat(creditNote.amountTotal()).isEqualByComparingTo("70");

        assertThat(own.calls("account.move", "create")).isEqualTo(4);
        assertThat(own.calls("account.move", "action_post")).isEqualTo(4);
        assertThat(own.records("account.move")).hasSize(4)
                .allSatisfy(move -> assertThat(move).containsEntry(
                        "state", "posted"));
        assertThat(ops.findMove(MoveKind.CREDIT_NOTE, "PORTAGE-CN-1").await().atMost(WAIT)).isEqualTo(creditNote);
        assertThat(ops.findMove(MoveKind.CUSTOMER_INVOICE, "PORTAGE-CN-1").await().atMost(WAIT)).isNull();
    }

    @Test
    void theCreditNoteLinksTheInvoiceItCredits() {
        OdooStandin standin = StandinResource.standin;
        MoveResult invoice = operations.createAndPostMove(invoice("INV-LINKED")).await().atMost(WAIT);

        MoveResult creditNote = operations.createAndPostMove(MoveRequest.creditNote("CN-LINKED", CUSTOMER, invoice.id(),
                List.of(MoveLine.product(1, BigDecimal.ONE, null)))).await().atMost(WAIT);

        assertThat(creditNote.reversedEntryId()).isEqualTo(invoice.id());
        assertThat(creditNote.amountTotal()).as("the product's price").isEqualByComparingTo("70");
        assertThat(standin.records("account.move"))
                .filteredOn(move -> move.get("id").equals((int) creditNote.id()))
                .singleElement()
                .satisfies(move -> assertThat(move.get("reversed_entry_id")).isEqualTo(List.of((int) invoice.id(),
                        invoice.name())));
        assertThat(operations.findMove(MoveKind.CUSTOMER_INVOICE, "INV-LINKED").await().atMost(WAIT)).isEqualTo(
                invoice);
    }

    @Test
    void aCreateThatTimedOutAfterCommitIsFoundByTheRetryNotMadeTwice() {
        OdooOperations ops = new OdooOperations(start("17.0", Protocol.XML_RPC, false, Duration.ofMillis(700)));
        own.faults().failNext("account.move", "create", 1, Fault.TIMEOUT_AFTER_COMMIT);

        MoveResult bill = ops.createAndPostMove(MoveRequest.vendorBill("UPS-BILL-1", CARRIER, LocalDate.of(2026, 2, 3),
                List.of(MoveLine.label("Parcel freight", BigDecimal.TEN, new BigDecimal("12.40")))))
                .await()
                .atMost(WAIT);

        assertThat(own.faults().pending()).isZero();
        assertThat(bill.posted()).isTrue();
        assertThat(bill.amountTotal()).isEqualByComparingTo("124");
        assertThat(own.calls("account.move", "create")).isEqualTo(1);
        assertThat(own.calls("account.move", "action_post")).isEqualTo(1);
        assertThat(own.records("account.move")).hasSize(1);
    }

    @Test
    void aPostThatTimedOutAfterCommitIsNotPostedAgain() {
        OdooOperations ops = new OdooOperations(start("19.0", Protocol.JSON_2, true, Duration.ofMillis(700)));
        own.faults().failNext("account.move", "action_post", 1, Fault.TIMEOUT_AFTER_COMMIT);

        MoveResult accrual = ops.createAndPostMove(accrual("ACCR-TIMEOUT", "99.90", "99.90")).await().atMost(WAIT);

        assertThat(own.faults().pending()).isZero();
        assertThat(accrual.state()).isEqualTo("posted");
        assertThat(own.calls("account.move", "create")).isEqualTo(1);
        assertThat(own.calls("account.move", "action_post")).as("a posted move is not posted again").isEqualTo(1);
        assertThat(own.records("account.move")).hasSize(1);
    }

    @Test
    void anUnbalancedEntryIsRefusedBeforeAnyCall() {
        OdooStandin standin = StandinResource.standin;
        int searches = standin.calls("account.move", "search");
        int creates = standin.calls("account.move", "create");

        Throwable refused = catchThrowable(() -> operations.createAndPostMove(accrual("ACCR-UNBALANCED", "120.00",
                "100.00")));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journal entry ACCR-UNBALANCED is not balanced: debits 120.00, credits 100.00");
        assertThat(standin.calls("account.move", "search")).isEqualTo(searches);
        assertThat(standin.calls("account.move", "create")).isEqualTo(creates);
    }

    @Test
    void odoosRefusalToPostIsAValidationErrorWithItsMessageAndIsNotRetried() {
        OdooStandin standin = StandinResource.standin;
        int creates = standin.calls("account.move", "create");
        int posts = standin.calls("account.move", "action_post");
        MoveRequest negative = MoveRequest.customerInvoice("INV-NEGATIVE", CUSTOMER, List.of(
                MoveLine.label("Goodwill discount", BigDecimal.ONE, new BigDecimal("-50.00"))));

        Throwable failure = catchThrowable(() -> operations.createAndPostMove(negative).await().atMost(WAIT));

        assertThat(failure).isInstanceOf(OdooValidationException.class);
        assertThat(((OdooException) failure).odooName()).isEqualTo("odoo.exceptions.UserError");
        assertThat(failure.getMessage()).contains("You cannot validate an invoice with a negative total amount.");
        assertThat(standin.calls("account.move", "create")).isEqualTo(creates + 1);
        assertThat(standin.calls("account.move", "action_post")).as("not retried").isEqualTo(posts + 1);
        assertThat(operations.findMove(MoveKind.CUSTOMER_INVOICE, "INV-NEGATIVE").await().atMost(WAIT).state())
                .isEqualTo("draft");

        Throwable again = catchThrowable(() -> operations.createAndPostMove(negative).await().atMost(WAIT));

        assertThat(again).isInstanceOf(OdooValidationException.class);
        assertThat(standin.calls("account.move", "create")).as("the draft is found").isEqualTo(creates + 1);
        assertThat(standin.calls("account.move", "action_post")).isEqualTo(posts + 2);
    }

    @Test
    void odoosRefusalToCreateIsAValidationErrorAndLeavesNothing() {
        OdooStandin standin = StandinResource.standin;
        int creates = standin.calls("account.move", "create");

        Throwable failure = catchThrowable(() -> operations.createAndPostMove(MoveRequest.customerInvoice(
                "INV-NO-ACCOUNT", CUSTOMER, List.of(MoveLine.label("Freight", BigDecimal.ONE, BigDecimal.TEN)
                        .withAccount(9999))))
                .await()
                .atMost(WAIT));

        assertThat(failure).isInstanceOf(OdooValidationException.class);
        assertThat(((OdooException) failure).odooName()).isEqualTo("odoo.exceptions.ValidationError");
        assertThat(standin.calls("account.move", "create")).isEqualTo(creates + 1);
        assertThat(operations.findMove(MoveKind.CUSTOMER_INVOICE, "INV-NO-ACCOUNT").await().atMost(WAIT)).isNull();
    }

    @Test
    void aDraftLeftByAnEarlierAttemptIsPostedAndACancelledMoveIsLeftAlone() {
        OdooStandin standin = StandinResource.standin;
        long draft = client.calls()
                .create("account.move", Map.of("move_type", "out_invoice", "ref", "INV-HALF-DONE", "partner_id",
                        CUSTOMER, "invoice_line_ids", List.of(List.of(0, 0, Map.of("name", "Freight", "price_unit",
                                80.0)))))
                .await()
                .atMost(WAIT);
        long cancelled = client.calls()
                .create("account.move", Map.of("move_type", "out_invoice", "ref", "INV-CANCELLED", "partner_id",
                        CUSTOMER, "state", "cancel", "invoice_line_ids", List.of(List.of(0, 0, Map.of("name",
                                "Freight", "price_unit", 80.0)))))
                .await()
                .atMost(WAIT);
        int creates = standin.calls("account.move", "create");
        int posts = standin.calls("account.move", "action_post");

        MoveResult posted = operations.createAndPostMove(invoice("INV-HALF-DONE")).await().atMost(WAIT);
        MoveResult untouched = operations.createAndPostMove(invoice("INV-CANCELLED")).await().atMost(WAIT);

        assertThat(posted.id()).isEqualTo(draft);
        assertThat(posted.state()).isEqualTo("posted");
        assertThat(posted.amountTotal()).as("the move as Odoo holds it").isEqualByComparingTo("80");
        assertThat(untouched.id()).isEqualTo(cancelled);
        assertThat(untouched.state()).isEqualTo("cancel");
        assertThat(standin.calls("account.move", "create")).isEqualTo(creates);
        assertThat(standin.calls("account.move", "action_post")).isEqualTo(posts + 1);
    }

    @Test
    void aForeignCurrencyIsLookedUpByItsIsoCode() {
        OdooStandin standin = StandinResource.standin;
        MoveResult eur = operations.createAndPostMove(invoice("INV-EUR").withCurrency("EUR")
                .withDueDate(LocalDate.of(2026, 12, 31))).await().atMost(WAIT);

        assertThat(eur.currency()).isEqualTo("EUR");
        assertThat(standin.records("account.move"))
                .filteredOn(move -> move.get("id").equals((int) eur.id()))
                .singleElement()
                .satisfies(move -> assertThat(move).containsEntry("invoice_date_due", "2026-12-31"));

        int creates = standin.calls("account.move", "create");
        Throwable unknown = catchThrowable(() -> operations.createAndPostMove(invoice("INV-XXX").withCurrency("XXX"))
                .await()
                .atMost(WAIT));
        assertThat(unknown).isInstanceOf(OdooMissingException.class).hasMessageContaining("res.currency XXX");
        assertThat(standin.calls("account.move", "create")).isEqualTo(creates);
    }

    /** A customer invoice of two chairs (70.00 each, the seed price) and a freight line of 25.50. */
    static MoveRequest invoice(String ref) {
        return MoveRequest.customerInvoice(ref, CUSTOMER, List.of(
                MoveLine.product(1, BigDecimal.valueOf(2), null),
                MoveLine.label("Freight surcharge", BigDecimal.ONE, new BigDecimal("25.50"))));
    }

    /** A freight accrual at the end of January: expenses debited, accrued expenses credited. */
    static MoveRequest accrual(String ref, String debit, String credit) {
        return MoveRequest.accrual(ref, LocalDate.of(2026, 1, 31), List.of(
                MoveLine.debit(EXPENSES, "Freight accrual " + ref, new BigDecimal(debit)),
                MoveLine.credit(ACCRUED, "Freight accrual " + ref, new BigDecimal(credit))));
    }

    /** Creates and posts the move, then asks again: the same move comes back. */
    static MoveResult twice(OdooOperations ops, MoveRequest request) {
        MoveResult first = ops.createAndPostMove(request).await().atMost(WAIT);
        assertThat(ops.createAndPostMove(request).await().atMost(WAIT)).isEqualTo(first);
        return first;
    }

    private OdooClient start(String version, Protocol protocol, boolean apiKey, Duration timeout) {
        own = StandinResource.Standins.start(version);
        TestConfig settings = new TestConfig(config, own.baseUrl()).protocol(protocol);
        if (apiKey) {
            settings.apiKey(StandinResource.Standins.API_KEY);
        } else {
            settings.password(StandinResource.Standins.PASSWORD);
        }
        if (timeout != null) {
            settings.timeout(timeout);
        }
        ownClient = OdooClient.create(vertx, mapper, settings);
        return ownClient;
    }
}

package io.portage.finance.messaging;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.finance.CarrierInvoiceReceived;
import io.portage.finance.domain.InvoiceLine;
import io.portage.finance.service.CarrierInvoiceIntake;
import io.portage.finance.service.ReceivedInvoice;
import io.portage.kit.events.OneTypeHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value #CONSUMER} of {@code portage.finance}: each CarrierInvoiceReceived (v1, edi-gateway's EDI 210)
 * enters the carrier invoice audit through {@link CarrierInvoiceIntake} as a batch of its own, once per carrier and
 * invoice number however often or in whatever order it is delivered; its lines carry only tracking number and amount.
 */
@Singleton
public class CarrierInvoiceEventsHandler extends OneTypeHandler<CarrierInvoiceReceived, CarrierInvoiceEventsHandler.Received> {

    /** The consumer's name for the inbox, dead letters and metrics. */
    public static final String CONSUMER = "finance-service.finance";
    /** The audit batches' source and actor. */
    static final String SOURCE = "edi";

    private final CarrierInvoiceIntake intake;

    public CarrierInvoiceEventsHandler(CarrierInvoiceIntake intake, ObjectMapper json) {
        super(CONSUMER, EventCatalog.CARRIER_INVOICE_RECEIVED_V1, CarrierInvoiceReceived.class, json);
        this.intake = intake;
    }

    /** A carrier invoice as one event reported it. */
    public record Received(String eventId, String correlationId, String source, ReceivedInvoice invoice) {

        String key() {
            return invoice.carrier() + "\u0000" + invoice.invoiceNumber();
        }
    }

    @Override
    protected Received item(SequencedEvent event, CarrierInvoiceReceived received) {
        require(received.carrier() != null && !received.carrier().isBlank() && received.invoiceNumber() != null
                && !received.invoiceNumber().isBlank() && received.invoiceDate() != null && received.total() != null,
                "CarrierInvoiceReceived without carrier, invoiceNumber, invoiceDate or total");
        require(received.lines() != null && !received.lines().isEmpty(), "CarrierInvoiceReceived without lines");
        String currency = received.total().currency();
        require(isCurrency(currency), "CarrierInvoiceReceived total.currency '" + currency + "' is not ISO 4217");
        List<InvoiceLine> lines = new java.util.ArrayList<>();
        for (CarrierInvoiceReceived.Line line : received.lines()) {
            int number = lines.size() + 1;
            require(line != null && line.trackingNumber() != null && !line.trackingNumber().isBlank()
                    && line.amount() != null,
                    "CarrierInvoiceReceived lines[" + (number - 1)
                            + "] without trackingNumber or amount");
            require(currency.equals(line.amount().currency()), "CarrierInvoiceReceived lines[" + (number - 1)
                    + "].amount.currency differs from the total's " + currency);
            lines.add(InvoiceLine.amountOnly(number, line.trackingNumber(), line.amount().amount()));
        }
        return new Received(event.eventId(), event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID),
                event.headers().get("ce_source"), new ReceivedInvoice(received.carrier(), received.invoiceNumber(),
                        received.invoiceDate(), currency, lines));
    }

    @Override
    public String inboxKey(Received item) {
        return item.eventId();
    }

    @Override
    public Uni<Applied<Received>> apply(List<Received> fresh) {
        // One batch per carrier and invoice number: a second delivery in the same poll is the first one's batch.
        Map<String, Received> once = new LinkedHashMap<>();
        fresh.forEach(item -> once.putIfAbsent(item.key(), item));
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Received item : once.values()) {
            chain = chain.chain(made -> intake.receiveOnce(SOURCE, item.key(), item.invoice(),
                    item.source() != null ? item.source() : SOURCE, item.correlationId())
                    .map(intook -> made + (intook.created() ? 1 : 0)));
        }
        return chain.map(made -> Applied.all(made + " carrier invoice batches"));
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && code.matches("[A-Z]{3}") && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

package io.portage.edi.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.Money;
import io.portage.contracts.finance.CarrierInvoiceReceived;
import io.portage.edi.domain.FreightInvoice;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.x12.FreightInvoice210;
import io.portage.edi.domain.x12.MappingException;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.smallrye.mutiny.Uni;

/**
 * An EDI-only carrier's 210 becomes a CarrierInvoiceReceived for finance-service's invoice audit: the carrier named as
 * Portage knows it ({@code mappings.carrier-name}, else the partner id), one line per tracking number, the invoice id
 * derived from carrier and invoice number (the same invoice is the same aggregate, however often it arrives).
 */
@ApplicationScoped
public class FreightInvoices {

    private final EdiEvents events;
    private final Clock clock = Clock.systemUTC();

    public FreightInvoices(EdiEvents events) {
        this.events = events;
    }

    public Uni<List<UUID>> received(Partner partner, ReceivedInterchange.TransactionSet set, String correlationId) {
        FreightInvoice invoice = FreightInvoice210.read(set, partner.mapping("currency", "USD"));
        if (!invoice.currency().matches("[A-Z]{3}")) {
            throw new MappingException("C301 '" + invoice.currency() + "' is not an ISO 4217 currency code");
        }
        String carrier = partner.mapping("carrier-name", partner.id());
        UUID id = UUID.nameUUIDFromBytes((carrier + "|" + invoice.invoiceNumber()).getBytes(StandardCharsets.UTF_8));
        CarrierInvoiceReceived event = new CarrierInvoiceReceived(id.toString(), carrier, invoice.invoiceNumber(),
                invoice.invoiceDate(), new Money(invoice.total(), invoice.currency()),
                invoice.lines()
                        .stream()
                        .map(line -> new CarrierInvoiceReceived.Line(line.trackingNumber(),
                                new Money(line.amount(), invoice.currency())))
                        .toList(),
                clock.instant());
        return events.carrierInvoiceReceived(event, correlationId).map(List::of);
    }
}

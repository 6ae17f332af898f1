package io.portage.finance.messaging;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.yard.DetentionChargedV2;
import io.portage.finance.service.CarrierChargeLedger;
import io.portage.kit.events.OneTypeHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value #CONSUMER} of {@code portage.yard}: each DetentionCharged (v2) becomes a confirmed carrier charge
 * of its appointment (once per event id, the kit's inbox, and once per carrier and appointment), accrued in Odoo like a
 * label's cost; the other yard events are not finance's.
 */
@Singleton
public class YardEventsHandler extends OneTypeHandler<DetentionChargedV2, CarrierChargeLedger.DetentionCharged> {

    /** The consumer's name for the inbox, dead letters and metrics. */
    public static final String CONSUMER = "finance-service.yard";

    private final CarrierChargeLedger ledger;

    public YardEventsHandler(CarrierChargeLedger ledger, ObjectMapper json) {
        super(CONSUMER, EventCatalog.DETENTION_CHARGED_V2, DetentionChargedV2.class, json);
        this.ledger = ledger;
    }

    @Override
    protected CarrierChargeLedger.DetentionCharged item(SequencedEvent event, DetentionChargedV2 detention) {
        if (detention.appointmentId() == null || detention.appointmentId().isBlank() || detention.carrier() == null
                || detention.carrier().isBlank() || detention.amount() == null || detention.chargedAt() == null) {
            throw new IllegalArgumentException("DetentionCharged v2 without appointmentId, carrier, amount or chargedAt");
        }
        return new CarrierChargeLedger.DetentionCharged(event.eventId(),
                event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID), detention, event.payload());
    }

    @Override
    public String inboxKey(CarrierChargeLedger.DetentionCharged item) {
        return item.eventId();
    }

    @Override
    public Uni<Applied<CarrierChargeLedger.DetentionCharged>> apply(List<CarrierChargeLedger.DetentionCharged> fresh) {
        return ledger.recordDetentions(fresh).map(recorded -> Applied.all(recorded + " detention charges"));
    }
}

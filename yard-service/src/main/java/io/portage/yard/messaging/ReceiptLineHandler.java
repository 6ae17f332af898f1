package io.portage.yard.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.warehouse.ReceiptLineConfirmed;
import io.portage.kit.events.OneTypeHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.yard.service.ConfirmedReceiptLine;
import io.portage.yard.service.ReceiptReview;
import io.smallrye.mutiny.Uni;

/**
 * Consumer {@value #CONSUMER}: reads {@code io.portage.warehouse.receipt-line-confirmed.v1} from
 * {@code portage.warehouse} (other types: nothing) and reviews each line with {@link ReceiptReview}.
 */
@Singleton
public class ReceiptLineHandler extends OneTypeHandler<ReceiptLineConfirmed, ConfirmedReceiptLine> {

    public static final String CONSUMER = "yard-service.receipts";

    private final ReceiptReview review;

    public ReceiptLineHandler(ReceiptReview review, ObjectMapper json) {
        super(CONSUMER, EventCatalog.RECEIPT_LINE_CONFIRMED_V1, ReceiptLineConfirmed.class, json);
        this.review = review;
    }

    @Override
    protected ConfirmedReceiptLine item(SequencedEvent event, ReceiptLineConfirmed line) {
        if (line.receiptId() == null || line.site() == null || line.sku() == null
                || line.expectedQuantity() == null || line.receivedQuantity() == null || line.confirmedAt() == null) {
            throw new IllegalArgumentException("a receipt line needs receiptId, site, sku, quantities and confirmedAt");
        }
        UUID appointment;
        try {
            appointment = line.appointmentId() == null ? null : UUID.fromString(line.appointmentId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("appointmentId is not a UUID: " + line.appointmentId());
        }
        return new ConfirmedReceiptLine(event.eventId(), line.receiptId(), line.site(), appointment,
                line.lineNumber(), line.sku(), line.expectedQuantity(), line.receivedQuantity(),
                orZero(line.shortQuantity()), orZero(line.damagedQuantity()), line.confirmedAt());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    @Override
    public String inboxKey(ConfirmedReceiptLine line) {
        return line.eventId();
    }

    @Override
    public Uni<Applied<ConfirmedReceiptLine>> apply(List<ConfirmedReceiptLine> fresh) {
        return review.apply(fresh).map(added -> Applied.all(added + " new receipt lines of " + fresh.size()));
    }
}

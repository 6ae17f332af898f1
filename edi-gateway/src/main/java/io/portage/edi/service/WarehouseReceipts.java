package io.portage.edi.service;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.warehouse.ReceiptAdvised;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.ReceiptAdvice;
import io.portage.edi.domain.x12.MappingException;
import io.portage.edi.domain.x12.ReceiptAdvice944;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.smallrye.mutiny.Uni;

/**
 * A 3PL's 944 becomes a ReceiptAdvised: what the 3PL says it received, per line the SKU (its product codes mapped
 * back), quantity, unit and condition (W07 GOOD; each W13 in the condition its {@code mappings.condition.<code>}
 * names), against the depositor order, purchase order or ship notice it names. A 944 that names none of them matches
 * nothing and is refused.
 */
@ApplicationScoped
public class WarehouseReceipts {

    private final EdiEvents events;

    public WarehouseReceipts(EdiEvents events) {
        this.events = events;
    }

    public Uni<List<UUID>> received(Partner partner, ReceivedInterchange.TransactionSet set, String correlationId) {
        ReceiptAdvice advice = ReceiptAdvice944.read(set);
        if (!advice.referencesSomething()) {
            throw new MappingException("receipt " + advice.warehouseReceiptNumber() + " names no depositor order "
                    + "(W17-04), purchase order (N9 PO) or ship notice (W17-05, N9 SI): it matches nothing");
        }
        List<ReceiptAdvised.Line> lines = new ArrayList<>();
        for (ReceiptAdvice.Item item : advice.items()) {
            String sku = partner.skuOf(item.productId());
            lines.add(new ReceiptAdvised.Line(lines.size() + 1, sku, item.quantity(), item.unit(),
                    ReceiptAdvised.Condition.GOOD));
            for (ReceiptAdvice.Exception exception : item.exceptions()) {
                lines.add(new ReceiptAdvised.Line(lines.size() + 1, sku, exception.quantity(), exception.unit(),
                        condition(partner, exception)));
            }
        }
        String receiptId = UUID.nameUUIDFromBytes(
                (partner.id() + "|" + advice.warehouseReceiptNumber()).getBytes(StandardCharsets.UTF_8)).toString();
        ReceiptAdvised event = new ReceiptAdvised(receiptId, partner.id(), advice.warehouseReceiptNumber(),
                advice.depositorOrderNumber(), advice.purchaseOrderNumber(), advice.shipNoticeNumber(), lines,
                advice.receivedOn().atStartOfDay().toInstant(ZoneOffset.UTC));
        return events.receiptAdvised(event, correlationId).map(List::of);
    }

    private static ReceiptAdvised.Condition condition(Partner partner, ReceiptAdvice.Exception exception) {
        String name = partner.mapping("condition." + exception.conditionCode())
                .orElseThrow(() -> new MappingException("segment W13 at position " + exception.segmentPosition()
                        + ": receiving condition code '" + exception.conditionCode() + "' is not one "
                        + partner.id() + " maps (mappings.condition.<code>)"));
        return ReceiptAdvised.Condition.valueOf(name);
    }
}

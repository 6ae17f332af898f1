package io.portage.edi.domain.x12;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.portage.edi.domain.ShipNotice;
import io.portage.edi.domain.ShipNoticeRules;
import io.xlate.edi.stream.EDIStreamException;

/**
 * The content of one X12 856 Ship Notice/Manifest in a customer's own rules: BSN, then the HL levels shipment (TD1,
 * TD5, REF, DTM, N1 loops), order (PRF, REF), pack (MAN GM with the SSCC-18) when the customer wants them and the packs
 * are known, and item (LIN, SN1), then CTT with the number of HL levels.
 */
public final class ShipNotice856 {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private ShipNotice856() {
    }

    public static X12Writer.SetContent of(ShipNotice notice, ShipNoticeRules rules) {
        return out -> new Levels(out).write(notice, rules);
    }

    /** Numbers the HL levels as they are written. */
    private static final class Levels {

        private final X12Writer.Segments out;
        private int count;

        Levels(X12Writer.Segments out) {
            this.out = out;
        }

        void write(ShipNotice notice, ShipNoticeRules rules) throws EDIStreamException {
            var at = notice.shippedAt().atOffset(ZoneOffset.UTC);
            boolean packs = rules.packLevel() && !notice.packs().isEmpty();
            out.segment("BSN", "00", notice.shipmentNumber(), DATE.format(at), TIME.format(at),
                    packs ? "0001" : "0004");
            int shipment = level(null, "S");
            out.segment("TD1", "CTN25", Integer.toString(Math.max(1, notice.parcels())));
            out.segment("TD5", "B", "2", notice.scac());
            if (notice.trackingNumber() != null) {
                for (String qualifier : rules.shipmentReferences()) {
                    out.segment("REF", qualifier, notice.trackingNumber());
                }
            }
            out.segment("DTM", "011", DATE.format(at), TIME.format(at));
            for (String party : rules.parties()) {
                if ("ST".equals(party)) {
                    var shipTo = notice.shipTo();
                    out.segment("N1", "ST", shipTo.name());
                    out.segment("N3", shipTo.street());
                    out.segment("N4", shipTo.city(), null, shipTo.postalCode(), shipTo.country());
                } else {
                    out.segment("N1", "SF", rules.shipFromName(), rules.shipFromQualifier(), rules.shipFromId());
                }
            }
            int order = level(shipment, "O");
            out.segment("PRF", notice.purchaseOrder() != null ? notice.purchaseOrder() : notice.orderName());
            for (String qualifier : rules.orderReferences()) {
                String value = "VN".equals(qualifier) ? notice.orderName() : notice.customerOrder();
                if (value != null) {
                    out.segment("REF", qualifier, value);
                }
            }
            if (packs) {
                for (ShipNotice.Pack pack : notice.packs()) {
                    int packLevel = level(order, "P");
                    out.segment("MAN", "GM", pack.sscc());
                    for (ShipNotice.Item item : pack.items()) {
                        item(packLevel, item);
                    }
                }
            } else {
                for (ShipNotice.Item item : notice.items()) {
                    item(order, item);
                }
            }
            out.segment("CTT", Integer.toString(count), plain(notice.totalQuantity()));
        }

        private void item(int parent, ShipNotice.Item item) throws EDIStreamException {
            level(parent, "I");
            out.segment("LIN", Integer.toString(item.lineNumber()), item.productQualifier(), item.productId());
            out.segment("SN1", null, plain(item.quantity()), item.unit());
        }

        private int level(Integer parent, String code) throws EDIStreamException {
            count++;
            out.segment("HL", Integer.toString(count), parent == null ? null : Integer.toString(parent), code);
            return count;
        }

        private static String plain(BigDecimal quantity) {
            return quantity.stripTrailingZeros().toPlainString();
        }
    }
}

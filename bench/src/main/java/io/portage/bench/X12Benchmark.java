package io.portage.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.ShipNotice;
import io.portage.edi.domain.ShipNoticeRules;
import io.portage.edi.domain.ShippingOrder;
import io.portage.edi.domain.X12Party;
import io.portage.edi.domain.X12Version;
import io.portage.edi.domain.x12.Envelope;
import io.portage.edi.domain.x12.FunctionalAck997;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.ShipNotice856;
import io.portage.edi.domain.x12.ShippingAdvice945;
import io.portage.edi.domain.x12.ShippingOrder940;
import io.portage.edi.domain.x12.X12Reader;
import io.portage.edi.domain.x12.X12Writer;

/**
 * X12 documents written and read per second by edi-gateway's StAEDI code, in one thread, for files of 1,000 transaction
 * sets: 940s written with schema validation on write (what the dispatcher sends), 856s written the same way (shipment,
 * order, two packs with their SSCCs, three items), and 945s read with each set's schema,
 * mapped to shipping advices, with the 997 for the group built and written (what a pickup does, without SFTP and the
 * database). Warm-up rounds first; prints the median and best of the measured rounds.
 */
public final class X12Benchmark {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private X12Benchmark() {
    }

    public static void main(String[] args) {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Envelope envelope = new Envelope(new X12Party("ZZ", "PORTAGE"), new X12Party("ZZ", "RTM3PL"), "PORTAGE", "RTM3PL",
                X12Version.V004010, "T", 1, 1, AT);
        List<X12Writer.TransactionSet> orders = new ArrayList<>();
        for (int i = 1; i <= sets; i++) {
            orders.add(new X12Writer.TransactionSet(String.format("%04d", i), ShippingOrder940.of(order(i))));
        }
        String advices = advices(sets);
        Envelope toCustomer = new Envelope(new X12Party("ZZ", "PORTAGE"), new X12Party("ZZ", "ACMERTL"), "PORTAGE",
                "ACMERTL", X12Version.V004010, "T", 1, 1, AT);
        ShipNoticeRules rules = ShipNoticeRules.of(Map.of("asn.shipment-refs", "BM,CN", "asn.order-refs", "VN"));
        List<X12Writer.TransactionSet> notices = new ArrayList<>();
        for (int i = 1; i <= sets; i++) {
            notices.add(new X12Writer.TransactionSet(String.format("%04d", i), ShipNotice856.of(notice(i), rules)));
        }

        for (int i = 0; i < 3; i++) {
            X12Writer.write(envelope, DocumentType.WAREHOUSE_SHIPPING_ORDER, orders);
            X12Writer.write(toCustomer, DocumentType.SHIP_NOTICE, notices);
            read(advices, envelope);
        }
        double[] written = new double[rounds];
        double[] noticed = new double[rounds];
        double[] parsed = new double[rounds];
        int bytes = 0;
        int noticeBytes = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            bytes = X12Writer.write(envelope, DocumentType.WAREHOUSE_SHIPPING_ORDER, orders).length();
            written[round] = sets / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            noticeBytes = X12Writer.write(toCustomer, DocumentType.SHIP_NOTICE, notices).length();
            noticed[round] = sets / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            read(advices, envelope);
            parsed[round] = sets / ((System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "X12 files of %,d transaction sets, %d rounds after 3 warm-up rounds, one thread%n",
                sets,
                rounds);
        System.out.printf(Locale.ROOT,
                "  940 written (validated on write): median %,.0f sets/s, best %,.0f sets/s (file %,d bytes)%n",
                median(written), max(written), bytes);
        System.out.printf(Locale.ROOT,
                "  856 written (validated on write): median %,.0f sets/s, best %,.0f sets/s (file %,d bytes)%n",
                median(noticed), max(noticed), noticeBytes);
        System.out.printf(Locale.ROOT,
                "  945 read (validated, mapped) + 997 written: median %,.0f sets/s, best %,.0f sets/s (file %,d bytes)%n",
                median(parsed), max(parsed), advices.length());
        System.out.printf(Locale.ROOT, "  heap used %,d MB of %,d MB max%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void read(String advices, Envelope envelope) {
        ReceivedInterchange interchange = X12Reader.read(advices.getBytes(StandardCharsets.US_ASCII));
        ReceivedInterchange.Group group = interchange.groups().get(0);
        for (ReceivedInterchange.TransactionSet set : group.sets()) {
            if (!set.accepted()) {
                throw new IllegalStateException(set.firstError());
            }
            ShippingAdvice945.read(set);
        }
        X12Writer.write(envelope, DocumentType.FUNCTIONAL_ACKNOWLEDGMENT,
                List.of(new X12Writer.TransactionSet("0001", FunctionalAck997.of(group))));
    }

    private static ShippingOrder order(int i) {
        return new ShippingOrder("order-" + i, "S" + (100000 + i), "NW-" + i, "RTM01",
                new ShippingOrder.ShipTo("Customer " + i, i + " Dock Road", "Rotterdam", "3011 AA", "NL"),
                LocalDate.of(2026, 11, 24),
                List.of(new ShippingOrder.Line(1, "SKU-CHAIR-01", "VN", "CH-01", new BigDecimal("2"), "EA"),
                        new ShippingOrder.Line(2, "SKU-DESK-07", "VN", "DESK7", new BigDecimal("1.5"), "EA"),
                        new ShippingOrder.Line(3, "SKU-LAMP-03", "VN", "LAMP3", BigDecimal.ONE, "EA")));
    }

    private static ShipNotice notice(int i) {
        ShipNotice.Item chairs = new ShipNotice.Item(1, "VN", "CH-01", new BigDecimal("2"), "EA");
        ShipNotice.Item desk = new ShipNotice.Item(2, "VN", "DESK7", new BigDecimal("1.5"), "EA");
        ShipNotice.Item lamp = new ShipNotice.Item(3, "VN", "LAMP3", BigDecimal.ONE, "EA");
        return new ShipNotice(String.format("%030d", i), AT, "DHLC", "JD0146" + (10000000 + i), 2,
                new ShippingOrder.ShipTo("Customer " + i, i + " Dock Road", "Rotterdam", "3011 AA", "NL"), "NW-" + i,
                "S" + (100000 + i), "NW-" + i,
                List.of(new ShipNotice.Pack(String.format("0061414%011d", 2 * i), List.of(chairs, lamp)),
                        new ShipNotice.Pack(String.format("0061414%011d", 2 * i + 1), List.of(desk))),
                List.of(chairs, desk, lamp));
    }

    private static String advices(int sets) {
        StringBuilder x12 = new StringBuilder();
        x12.append(
                "ISA*00*          *00*          *ZZ*RTM3PL         *ZZ*PORTAGE        *261205*1000*U*00401*000000001*0*T*>~\n");
        x12.append("GS*SW*RTM3PL*PORTAGE*20261205*1000*1*X*004010~\n");
        for (int i = 1; i <= sets; i++) {
            String control = String.format("%04d", i);
            String[] segments = {"W06*F*S" + (100000 + i) + "*20261125*SHP-" + i, "N9*BM*1Z999AA1" + (10000000 + i),
                    "W27*M*UPSN", "LX*1", "W12*CC*2*2**EA**VN*CH-01", "LX*2", "W12*CC*1.5*1.5**EA**VN*DESK7", "LX*3",
                    "W12*CC*1*1**EA**VN*LAMP3", "W03*4.5*42*L"};
            x12.append("ST*945*").append(control).append("~\n");
            Arrays.stream(segments).forEach(segment -> x12.append(segment).append("~\n"));
            x12.append("SE*").append(segments.length + 2).append('*').append(control).append("~\n");
        }
        x12.append("GE*").append(sets).append("*1~\nIEA*1*000000001~\n");
        return x12.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}

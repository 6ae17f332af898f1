package io.portage.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.partners.standin.LocalPartners;
import io.portage.partners.standin.PartnerSftpServer;

/**
 * The demo's EDI partners: warehouse WH2 is run by the 3PL acme-3pl, which takes its shipping orders as X12 940 files on
 * its SFTP server and answers with 945 shipping advices; the freight carrier freightline reports its statuses as 214s.
 * The demo plays both partners: it reads what edi-gateway put on their servers and drops their answers there.
 */
final class EdiExchange {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private final Launcher launcher;
    private final DemoHttp web;
    private final String opsToken;

    EdiExchange(Launcher launcher, DemoHttp web, String opsToken) {
        this.launcher = launcher;
        this.web = web;
        this.opsToken = opsToken;
    }

    void play(String run, String shopToken) {
        System.out.println("\n7. Warehouse WH2 is run by the 3PL acme-3pl over EDI (X12 files on its SFTP server):");
        if (!launcher.odooWrites()) {
            System.out.println("   (skipped: orders are released only once confirmed in Odoo, which this demo may not write)");
            return;
        }
        String externalId = "NW-" + run + "-3001";
        String[] customer = Demo.WH2_CUSTOMER;
        DemoHttp.Reply placed = web.post(launcher.url("gateway") + "/api/v1/orders", shopToken, """
                {"channel":"northwind-shop","externalId":"%s","warehouse":"WH2",
                 "customer":{"name":"%s","email":"%s",
                   "address":{"street":"%s","city":"%s","postalCode":"%s","country":"%s"}},
                 "lines":[{"sku":"PT-CHAIR-01","quantity":6}]}""".formatted(externalId, customer[0], customer[1], customer[2],
                customer[3], customer[4], customer[5]), "demo-" + externalId);
        String orderId = placed.body().path("id").asText();
        JsonNode order = web.await(launcher.url("order-service") + "/api/v1/orders/" + orderId, opsToken,
                body -> "RELEASED".equals(body.path("status").asText()), Duration.ofSeconds(30),
                "order " + orderId + " released");
        String depositorNumber = order.path("odoo").path("name").asText();
        System.out.printf("   order %s (6 chairs for Amsterdam, warehouse WH2) -> %s, Odoo %s, to %s %s%n", externalId,
                order.path("status").asText(), depositorNumber, order.path("fulfiller").path("type").asText(),
                order.path("fulfiller").path("id").asText());

        Path partnerHome = LocalPartners.sftpHome(launcher.partnersDir(), Launcher.THIRD_PARTY);
        String shippingOrder = awaitFile(partnerHome.resolve(PartnerSftpServer.TO_PARTNER), "W05*N*" + depositorNumber + "*");
        List<String[]> lines = new ArrayList<>();
        for (String segment : shippingOrder.split("~")) {
            String[] elements = segment.strip().split("\\*", -1);
            if (elements[0].equals("W01")) {
                lines.add(elements);
            }
        }
        System.out.printf("   edi-gateway put a 940 on acme-3pl's server (%s, %d lines, warehouse %s)%n",
                control(shippingOrder), lines.size(), element(shippingOrder, "N1*WH", 4));

        JsonNode shipment = web.await(launcher.url("shipment-service") + "/api/v1/shipments?orderId=" + orderId, opsToken,
                body -> body.size() > 0, Duration.ofSeconds(30), "the shipment of order " + orderId).path(0);
        DemoHttp.Reply label = web.post(launcher.url("shipment-service") + "/api/v1/shipments/" + shipment.path("id").asText()
                + "/label", opsToken, """
                        {"parcels":[{"weightKg":120,"lengthCm":120,"widthCm":80,"heightCm":110}]}""", null);
        if (label.status() != 201) {
            throw new IllegalStateException("No label for the pallet: " + label.status() + " " + label.body());
        }
        JsonNode bought = label.body().path("shipment").path("label");
        String pro = bought.path("trackingNumber").asText();
        System.out.printf("   the pallet (120 kg) is booked with %s (the parcel carriers take 30 kg at most): PRO %s%n",
                bought.path("carrier").asText(), pro);

        long control = 100_000_000L + Math.floorMod(run.hashCode(), 800_000_000);
        List<String> advice = new ArrayList<>(List.of("W06*F*" + depositorNumber + "*" + DATE.format(today()) + "*SHP-" + run,
                "N9*BM*" + pro, "W27*M*FRLN"));
        int number = 0;
        java.math.BigDecimal units = java.math.BigDecimal.ZERO;
        for (String[] line : lines) {
            number++;
            advice.add("LX*" + number);
            advice.add("W12*CC*" + line[1] + "*" + line[1] + "**" + line[2] + "**" + line[4] + "*" + line[5]);
            units = units.add(new java.math.BigDecimal(line[1]));
        }
        // The totals: units shipped and the pallet's weight in kilograms.
        advice.add("W03*" + units.toPlainString() + "*120*K");
        drop(partnerHome, "945-" + run + ".edi",
                interchange("ZZ", "ACME3PL", control, "SW", "945", advice.toArray(String[]::new)));
        JsonNode dispatched = web.await(launcher.url("shipment-service") + "/api/v1/shipments/" + shipment.path("id").asText(),
                opsToken, body -> "DISPATCHED".equals(body.path("status").asText()), Duration.ofSeconds(30),
                "the 945's dispatch");
        String acknowledgement = awaitFile(partnerHome.resolve(PartnerSftpServer.TO_PARTNER), "AK1*SW*" + control);
        System.out.printf("   acme-3pl ships it and answers with a 945 -> ShipConfirmed -> shipment %s %s; its 997 says %s%n",
                dispatched.path("id").asText().substring(0, 8), dispatched.path("status").asText(),
                "A".equals(element(acknowledgement, "AK9", 1)) ? "accepted" : element(acknowledgement, "AK9", 1));

        Path carrierHome = LocalPartners.sftpHome(launcher.partnersDir(), "freightline");
        String now = TIME.format(LocalTime.now(ZoneOffset.UTC));
        drop(carrierHome, "214-" + run + ".edi", interchange("02", "FRLN", control + 1, "QM", "214",
                "B10*BOL-" + run + "*" + pro + "*FRLN", "LX*1", "AT7*X6*NS***" + DATE.format(today()) + "*" + now + "*LT",
                "MS1*Utrecht**NL"));
        JsonNode tracking = web.await(launcher.url("shipment-service") + "/api/v1/shipments/" + shipment.path("id").asText()
                + "/tracking", opsToken, body -> "IN_TRANSIT".equals(body.path(0).path("status").asText()),
                Duration.ofSeconds(30), "the 214's status");
        System.out.printf("   freightline (EDI only) sends a 214: AT7 X6 at Utrecht -> tracker %s %s (source %s)%n", pro,
                tracking.path(0).path("status").asText(), tracking.path(0).path("scans").path(0).path("source").asText());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** An interchange from the partner {@code qualifier*id} to Portage holding one transaction set. */
    private static String interchange(String qualifier, String id, long control, String functionalId, String type,
            String... segments) {
        String date = DATE.format(today());
        StringBuilder x12 = new StringBuilder()
                .append("ISA*00*          *00*          *")
                .append(qualifier)
                .append('*')
                .append(String.format("%-15s", id))
                .append("*ZZ*PORTAGE        *")
                .append(date.substring(2))
                .append('*')
                .append(TIME.format(LocalTime.now(ZoneOffset.UTC)))
                .append("*U*00401*")
                .append(String.format("%09d", control))
                .append("*0*P*>~\n")
                .append("GS*")
                .append(functionalId)
                .append('*')
                .append(id)
                .append("*PORTAGE*")
                .append(date)
                .append('*')
                .append(TIME.format(LocalTime.now(ZoneOffset.UTC)))
                .append('*')
                .append(control)
                .append("*X*004010~\n")
                .append("ST*")
                .append(type)
                .append("*0001~\n");
        for (String segment : segments) {
            x12.append(segment).append("~\n");
        }
        return x12.append("SE*")
                .append(segments.length + 2)
                .append("*0001~\n")
                .append("GE*1*")
                .append(control)
                .append("~\n")
                .append("IEA*1*")
                .append(String.format("%09d", control))
                .append("~\n")
                .toString();
    }

    /** Puts a file in the partner's outgoing folder as a partner does: written aside, then moved in. */
    private static void drop(Path partnerHome, String name, String content) {
        try {
            Path temp = partnerHome.resolve(name + ".tmp");
            Files.writeString(temp, content);
            Files.move(temp, partnerHome.resolve(PartnerSftpServer.FROM_PARTNER).resolve(name),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String awaitFile(Path folder, String holding) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            Optional<String> found = files(folder).filter(content -> content.contains(holding)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            DemoHttp.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("No file holding " + holding + " in " + folder + " within 30 s; see ./portage logs"
                + " edi-gateway");
    }

    private static Stream<String> files(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(file -> !file.getFileName().toString().endsWith(".part")).sorted().map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    return "";
                }
            }).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String control(String interchange) {
        return "ISA13 " + element(interchange, "ISA", 13);
    }

    private static String element(String interchange, String segmentStart, int element) {
        for (String segment : interchange.split("~")) {
            String trimmed = segment.strip();
            if (trimmed.startsWith(segmentStart + "*")) {
                String[] elements = trimmed.split("\\*", -1);
                return element < elements.length ? elements[element] : "";
            }
        }
        return "";
    }
}

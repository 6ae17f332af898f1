package io.portage.partners.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The partners of the local stack ({@code ./portage up}) in one process: the carriers (two parcel APIs and a freight
 * carrier), the SFTP servers of the partners who exchange EDI files (a 3PL and the freight carrier) and the transport
 * management system shipment-service tenders loads to ({@link TmsStandin}), on fixed ports after a base. Their keys are development values for loopback only; their files live under one folder.
 * <p>
 * {@code java ... LocalPartners --dir <folder> --port-base <n> --webhooks <shipment-service>/webhooks/carriers/}
 */
public final class LocalPartners {

    /** A carrier: name, style (shipment-service's), port offset, API key, webhook secret, base price. */
    public record Carrier(String name, String style, int offset, String apiKey, String webhookSecret, BigDecimal basePrice) {
    }

    /** A partner exchanging EDI files over its own SFTP server: id and port offset. */
    public record EdiPartner(String id, int offset) {
    }

    public static final List<Carrier> CARRIERS = List.of(
            new Carrier("parcelco", "PARCEL_API", 0, "parcelco-dev-key", "parcelco-dev-webhook-secret", new BigDecimal("4.00")),
            new Carrier("swiftpost", "PARCEL_API", 1, "swiftpost-dev-key", "swiftpost-dev-webhook-secret",
                    new BigDecimal("6.00")),
            new Carrier("freightline", "FREIGHT", 2, "FL-ACCOUNT-7", null, null));
    public static final List<EdiPartner> EDI_PARTNERS = List.of(new EdiPartner("acme-3pl", 3),
            new EdiPartner("freightline", 4));
    /** The carriers' currency: the Odoo stand-in's company currency, so their charges are accrued as they are. */
    public static final String CURRENCY = "USD";
    /** The TMS's port offset, its API key and the secret it signs its plan callbacks with. */
    public static final int TMS_OFFSET = 5;
    public static final String TMS_API_KEY = "tms-dev-key";
    public static final String TMS_WEBHOOK_SECRET = "tms-dev-webhook-secret";
    /** How many ports after the base the partners take. */
    public static final int PORTS = 6;

    private LocalPartners() {
    }

    /** Portage's own SSH key (the partners' servers accept it). */
    public static Path portageKey(Path dir) {
        return dir.resolve("portage_ecdsa");
    }

    /** A partner server's host key. */
    public static Path hostKey(Path dir, String partner) {
        return dir.resolve("keys").resolve(partner + "_host_ecdsa");
    }

    /** Every partner server's files. */
    public static Path sftpRoot(Path dir) {
        return dir.resolve("sftp");
    }

    /** A partner server's files: {@code to-partner} and {@code from-partner}. */
    public static Path sftpHome(Path dir, String partner) {
        return sftpRoot(dir).resolve(partner);
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = null;
        int base = 0;
        String webhooks = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--port-base" -> base = Integer.parseInt(args[i + 1]);
                case "--webhooks" -> webhooks = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null || base <= 0 || webhooks == null) {
            throw new IllegalArgumentException("usage: LocalPartners --dir <folder> --port-base <n> --webhooks <url prefix>");
        }
        List<AutoCloseable> running = new ArrayList<>();
        try {
            for (Carrier carrier : CARRIERS) {
                int port = base + carrier.offset();
                if (carrier.style().equals("PARCEL_API")) {
                    ParcelApiStandin parcel = new ParcelApiStandin(carrier.name(), carrier.apiKey(), carrier.basePrice(),
                            CURRENCY, port);
                    parcel.webhooks(webhooks + carrier.name(), carrier.webhookSecret());
                    running.add(parcel::stop);
                } else {
                    FreightStandin freight = new FreightStandin(carrier.apiKey(), CURRENCY, port);
                    running.add(freight::stop);
                }
                System.out.printf("carrier %s (%s) on http://127.0.0.1:%d%n", carrier.name(), carrier.style(), port);
            }
            KeyPair portage = SftpKeys.loadOrCreate(portageKey(dir));
            for (EdiPartner partner : EDI_PARTNERS) {
                PartnerSftpServer server = PartnerSftpServer.start(sftpHome(dir, partner.id()), base + partner.offset(),
                        SftpKeys.loadOrCreate(hostKey(dir, partner.id())), portage.getPublic());
                running.add(server);
                System.out.printf("SFTP server of %s on 127.0.0.1:%d (%s)%n", partner.id(), server.port(), server.home());
            }
            TmsStandin tms = new TmsStandin(TMS_API_KEY, TMS_WEBHOOK_SECRET, base + TMS_OFFSET);
            running.add(tms::stop);
            System.out.printf("TMS on %s%n", tms.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(LocalPartners::close)));
        System.out.println("partners listening");
        new CountDownLatch(1).await();
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.out.println("stopping: " + e);
        }
    }
}

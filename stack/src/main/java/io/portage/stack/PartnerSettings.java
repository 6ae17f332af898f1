package io.portage.stack;

import java.nio.file.Path;

import io.portage.partners.standin.LocalPartners;
import io.portage.partners.standin.PartnerSftpServer;

/**
 * How shipment-service and edi-gateway meet the local stack's partners ({@link LocalPartners}): the carriers with their
 * keys and webhook secrets, the TMS, and the 3PL and the freight carrier that exchange X12 files over their SFTP servers.
 */
final class PartnerSettings {

    private PartnerSettings() {
    }

    /** shipment-service's carriers: two parcel APIs (30 kg a parcel) and the freight carrier (from 20 kg). */
    static void carriers(QuarkusService quarkus, int base) {
        for (LocalPartners.Carrier carrier : LocalPartners.CARRIERS) {
            String prefix = "portage.carriers." + carrier.name() + ".";
            quarkus.with(prefix + "style", carrier.style())
                    .with(prefix + "url", PartnersProcess.carrierUrl(base, carrier))
                    .withSecret(prefix + "api-key", carrier.apiKey());
            if (carrier.webhookSecret() != null) {
                quarkus.withSecret(prefix + "webhook-secret", carrier.webhookSecret()).with(prefix + "max-parcel-kg", "30");
            } else {
                quarkus.with(prefix + "max-parcel-kg", "1000")
                        .with(prefix + "min-total-kg", "20")
                        // No webhooks: its traces are polled.
                        .with(prefix + "stale-after", "4h");
            }
        }
    }

    /** shipment-service's TMS: its address, API key and callback secret, and where it calls plans back. */
    static void tms(QuarkusService quarkus, int base, String callbackUrl) {
        quarkus.with("portage.tms.enabled", "true")
                .with("portage.tms.url", PartnersProcess.tmsUrl(base))
                .withSecret("portage.tms.api-key", LocalPartners.TMS_API_KEY)
                .withSecret("portage.tms.webhook-secret", LocalPartners.TMS_WEBHOOK_SECRET)
                .with("portage.tms.callback-url", callbackUrl);
    }

    /** edi-gateway's partners: the 3PL running WH2 (940 out; 945, 944 and 997 back) and the EDI-only freight carrier. */
    static void ediPartners(QuarkusService quarkus, Path partnersDir, int base) {
        for (LocalPartners.EdiPartner partner : LocalPartners.EDI_PARTNERS) {
            String prefix = "portage.edi.partners." + partner.id() + ".";
            if (partner.id().equals(Launcher.THIRD_PARTY)) {
                quarkus.with(prefix + "role", "THIRD_PARTY_LOGISTICS")
                        .with(prefix + "x12-version", "004010")
                        .with(prefix + "qualifier", "ZZ")
                        .with(prefix + "id", "ACME3PL")
                        .with(prefix + "documents", "940,945,944,997")
                        .with(prefix + "ack-within", "1h")
                        .with(prefix + "mappings.warehouse.WH2", "ACMEVNL");
            } else {
                quarkus.with(prefix + "role", "CARRIER")
                        .with(prefix + "x12-version", "004010")
                        .with(prefix + "qualifier", "02")
                        .with(prefix + "id", "FRLN")
                        .with(prefix + "documents", "214,210,997")
                        .with(prefix + "mappings.currency", "EUR");
            }
            quarkus.with(prefix + "sftp.host", Ports.LOOPBACK)
                    .with(prefix + "sftp.port", Integer.toString(PartnersProcess.sftpPort(base, partner)))
                    .with(prefix + "sftp.user", PartnerSftpServer.USER)
                    .with(prefix + "sftp.private-key", LocalPartners.portageKey(partnersDir).toString())
                    .with(prefix + "sftp.host-key", PartnersProcess.hostKeyFingerprint(partnersDir, partner.id()))
                    .with(prefix + "sftp.outbound", "/" + PartnerSftpServer.TO_PARTNER)
                    .with(prefix + "sftp.inbound", "/" + PartnerSftpServer.FROM_PARTNER)
                    .with(prefix + "poll-every", "2s");
        }
    }
}

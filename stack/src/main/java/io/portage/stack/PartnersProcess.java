package io.portage.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.portage.partners.standin.LocalPartners;
import io.portage.partners.standin.SftpKeys;

/**
 * The launcher's partners process ({@link LocalPartners}): the carriers shipment-service rates, labels and tracks
 * with, the SFTP servers of the partners edi-gateway exchanges files with, and the TMS shipment-service tenders its
 * loads to, on ports {@code base + 70} onwards.
 */
final class PartnersProcess {

    static final int OFFSET = 70;

    private PartnersProcess() {
    }

    static List<String> command(Path dir, int base, String webhooks) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), LocalPartners.class.getName(),
                "--dir", dir.toString(), "--port-base", Integer.toString(base + OFFSET), "--webhooks", webhooks);
    }

    /** Starts the partners as a process that outlives the launcher; returns once they listen. */
    static ManagedProcess launch(Path dir, Path workDir, int base, String webhooks) {
        ManagedProcess process = ManagedProcess.start("partners", command(dir, base, webhooks), Map.of(), workDir,
                dir.resolve("partners.log"), dir.resolve("partners.pid"), true);
        process.awaitReady("listening", () -> process.logContains("partners listening"), Duration.ofSeconds(30));
        return process;
    }

    /** A carrier's address in the local stack. */
    static String carrierUrl(int base, LocalPartners.Carrier carrier) {
        return "http://" + Ports.LOOPBACK + ":" + (base + OFFSET + carrier.offset());
    }

    /** The TMS's address in the local stack. */
    static String tmsUrl(int base) {
        return "http://" + Ports.LOOPBACK + ":" + (base + OFFSET + LocalPartners.TMS_OFFSET);
    }

    /** A partner's SFTP port in the local stack. */
    static int sftpPort(int base, LocalPartners.EdiPartner partner) {
        return base + OFFSET + partner.offset();
    }

    /** The fingerprint of a partner server's host key (made here first when the partners have not run yet). */
    static String hostKeyFingerprint(Path dir, String partner) {
        return SftpKeys.fingerprint(SftpKeys.loadOrCreate(LocalPartners.hostKey(dir, partner)));
    }
}

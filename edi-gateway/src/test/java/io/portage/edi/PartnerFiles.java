package io.portage.edi;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What a partner finds on and puts on its server: files read as the partner reads them, X12 it sends written out. */
final class PartnerFiles {

    private PartnerFiles() {
    }

    /** The content of the first file in {@code folder} matching {@code wanted}, waited for. */
    static String awaitFile(Path folder, Predicate<String> wanted) {
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String content : contents(folder)) {
                if (wanted.test(content)) {
                    found.set(content);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    static List<String> contents(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")).sorted().map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An interchange from {@code qualifier*id} to Portage with one group of {@code functionalId} holding {@code set}. */
    static String interchange(String qualifier, String id, String version, long control, String functionalId,
            String type, String... setSegments) {
        StringBuilder x12 = new StringBuilder();
        String isaVersion = version.equals("005010") ? "00501" : "00401";
        String repetition = version.equals("005010") ? "^" : "U";
        x12.append("ISA*00*          *00*          *")
                .append(qualifier)
                .append('*')
                .append(String.format("%-15s", id))
                .append("*ZZ*PORTAGE        *261205*1015*")
                .append(repetition)
                .append('*')
                .append(isaVersion)
                .append('*')
                .append(String.format("%09d", control))
                .append("*0*T*>~\n");
        x12.append("GS*")
                .append(functionalId)
                .append('*')
                .append(id)
                .append("*PORTAGE*20261205*1015*")
                .append(control)
                .append("*X*")
                .append(version)
                .append("~\n");
        x12.append("ST*").append(type).append("*0001~\n");
        for (String segment : setSegments) {
            x12.append(segment).append("~\n");
        }
        x12.append("SE*").append(setSegments.length + 2).append("*0001~\n");
        x12.append("GE*1*").append(control).append("~\n");
        x12.append("IEA*1*").append(String.format("%09d", control)).append("~\n");
        return x12.toString();
    }

    /** The interchange with ISA14 = 1: the sender asks for a TA1. */
    static String askingForTa1(String x12) {
        return x12.replaceFirst("\\*0\\*T\\*>~", "*1*T*>~");
    }

    /** The interchange with an IEA02 that is not its ISA13. */
    static String withMismatchedTrailer(String x12) {
        return x12.replaceFirst("IEA\\*1\\*[0-9]{9}~", "IEA*1*999999999~");
    }

    /** An interchange from {@code qualifier*id} to Portage holding only a TA1 for Portage's interchange {@code acknowledged}. */
    static String interchangeAck(String qualifier, String id, String version, long control, String acknowledged,
            String code, String note) {
        String x12 = interchange(qualifier, id, version, control, "FA", "997", "AK1*OW*1", "AK9*A*0*0*0");
        String isa = x12.substring(0, x12.indexOf('\n') + 1);
        return isa + "TA1*" + acknowledged + "*261205*1015*" + code + "*" + note + "~\nIEA*0*"
                + String.format("%09d", control) + "~\n";
    }

    /** A 945 shipping advice for the order sent with {@code depositorOrderNumber}: both lines shipped in full. */
    static String shippingAdvice(String qualifier, String id, String version, long control, String depositorOrderNumber,
            String chairCode, String deskCode) {
        return interchange(qualifier, id, version, control, "SW", "945",
                "W06*F*" + depositorOrderNumber + "*20261125*SHP-" + control,
                "N9*BM*1Z999AA1012345678" + control % 10,
                "W27*M*UPSN",
                "LX*1", "W12*CC*2*2**EA**VN*" + chairCode,
                "LX*2", "W12*CC*1.5*1.5**EA**VN*" + deskCode,
                "W03*3.5*42*L");
    }
}

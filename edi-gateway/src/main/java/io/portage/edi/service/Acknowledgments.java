package io.portage.edi.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.domain.EdiFile;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.x12.MappingException;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.repository.EdiFileRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The 997s owed to Portage: a partner's 997 settles the file whose group it acknowledges (a rejection is an exception
 * {@value #REJECTED}); a file still unacknowledged after the partner's {@code ack-within} is an exception
 * {@value #MISSING}.
 */
@ApplicationScoped
public class Acknowledgments {

    public static final String REJECTED = "edi.acknowledgment-rejected";
    public static final String MISSING = "edi.acknowledgment-missing";

    private final EdiFileRepository files;
    private final ExceptionQueue exceptions;
    private final Clock clock = Clock.systemUTC();

    public Acknowledgments(EdiFileRepository files, ExceptionQueue exceptions) {
        this.files = files;
        this.exceptions = exceptions;
    }

    /** A partner's 997 (AK1 names the group it acknowledges, AK9 how). */
    public Uni<Void> received(Partner partner, ReceivedInterchange.TransactionSet set) {
        ReceivedInterchange.Segment ak1 = segment(set, "AK1");
        ReceivedInterchange.Segment ak9 = segment(set, "AK9");
        String code = ak9.element(1);
        return files.sent(partner.id(), ak1.element(2)).chain(file -> {
            if (file == null) {
                throw new MappingException(ak1, "group " + ak1.element(2) + " (" + ak1.element(1)
                        + ") is no group Portage sent to " + partner.id());
            }
            Uni<Void> settled = files.markAcknowledged(file.id(), code)
                    .chain(() -> exceptions.settle(MISSING, key(file), "edi-gateway", "the 997 arrived late", null)
                            .replaceWithVoid());
            if ("R".equals(code) || "P".equals(code)) {
                return settled.chain(() -> exceptions.raise(REJECTED, "ops", key(file),
                        partner.id() + " rejected " + file.fileName() + " (AK9 " + code + ")", null)).replaceWithVoid();
            }
            return settled;
        });
    }

    /** A partner's TA1: records it on the interchange it names; a rejection (R) closes its 997 wait and is {@value #REJECTED}. */
    public Uni<Void> interchangeAcknowledged(Partner partner, ReceivedInterchange.InterchangeAck ack, String fileName) {
        return files.sentInterchange(partner.id(), ack.controlNumber()).chain(file -> {
            if (file == null) {
                return exceptions.raise(Receiving.SET_REFUSED, "ops", partner.id() + "|TA1|" + ack.controlNumber(),
                        "TA1 in " + fileName + " from " + partner.id() + " names interchange " + ack.controlNumber()
                                + ", which Portage never sent it",
                        null).replaceWithVoid();
            }
            Uni<Void> marked = files.markInterchangeAcknowledged(file.id(), ack.code()).replaceWithVoid();
            if (!"R".equals(ack.code())) {
                return marked;
            }
            return marked.chain(() -> exceptions.settle(MISSING, key(file), "edi-gateway", "the interchange was rejected",
                    null))
                    .chain(() -> exceptions.raise(REJECTED, "ops", key(file), partner.id() + " rejected the interchange "
                            + file.fileName() + " (TA1 note " + ack.note() + ")", null))
                    .replaceWithVoid();
        });
    }

    /** Raises an exception for each file whose 997 is overdue; answers how many. */
    public Uni<Integer> checkOverdue() {
        return Panache.withTransaction(() -> files.acknowledgmentsOverdue(clock.instant(), 100)
                .chain(overdue -> Multi.createFrom()
                        .iterable(overdue)
                        .onItem()
                        .transformToUniAndConcatenate(file -> files.markAcknowledgmentMissing(file.id())
                                .chain(stillAwaited -> !stillAwaited
                                        ? Uni.createFrom().nullItem()
                                        : exceptions.raise(MISSING, "ops", key(file), file.partnerId()
                                                + " has not acknowledged " + file.fileName() + " (group "
                                                + file.groupControl() + ", due " + file.ackDueAt() + ")",
                                                "{\"file\":\"" + file.id() + "\"}")))
                        .collect()
                        .asList()
                        .map(List::size)));
    }

    private static String key(EdiFile file) {
        return file.partnerId() + "|" + file.interchangeControl();
    }

    private static ReceivedInterchange.Segment segment(ReceivedInterchange.TransactionSet set, String tag) {
        return set.segments()
                .stream()
                .filter(segment -> tag.equals(segment.tag()))
                .findFirst()
                .orElseThrow(() -> new MappingException("the 997 has no " + tag));
    }
}

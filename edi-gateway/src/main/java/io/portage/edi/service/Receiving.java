package io.portage.edi.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.EdiFile;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.x12.CodeLists;
import io.portage.edi.domain.x12.FunctionalAck997;
import io.portage.edi.domain.x12.MappingException;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.X12ReadException;
import io.portage.edi.domain.x12.X12Reader;
import io.portage.edi.repository.EdiFileRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Receives one file from a partner in one transaction: reads it with StAEDI (and checks the code lists StAEDI does not,
 * {@link CodeLists}), ignores an interchange received before,
 * archives it, applies each accepted transaction set whole ({@link InboundSets}) and refuses each faulty one whole
 * (an exception {@value #SET_REFUSED} naming the file, the segment and the reason), and queues a 997 per group.
 */
@ApplicationScoped
public class Receiving {

    /** The exception type of a file that is not X12 Portage can read, is too large or comes from someone else. */
    public static final String FILE_REFUSED = "edi.file-refused";
    /** The exception type of a transaction set refused (invalid, or valid but unusable). */
    public static final String SET_REFUSED = "edi.set-refused";

    /** What became of a file. */
    public enum Outcome {
        PROCESSED, DUPLICATE, REFUSED
    }

    private final PartnerDirectory partners;
    private final EdiFileRepository files;
    private final InboundSets sets;
    private final Documents documents;
    private final ExceptionQueue exceptions;
    private final Acknowledgments acknowledgments;
    private final Clock clock = Clock.systemUTC();

    public Receiving(PartnerDirectory partners, EdiFileRepository files, InboundSets sets, Documents documents,
            ExceptionQueue exceptions, Acknowledgments acknowledgments) {
        this.acknowledgments = acknowledgments;
        this.partners = partners;
        this.files = files;
        this.sets = sets;
        this.documents = documents;
        this.exceptions = exceptions;
    }

    @WithSpan("Receiving.receive")
    public Uni<Outcome> receive(Partner partner, String fileName, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        ReceivedInterchange read;
        try {
            read = X12Reader.read(content);
        } catch (X12ReadException e) {
            return refuse(partner, fileName, text, e.getMessage(), null);
        }
        ReceivedInterchange interchange = CodeLists.check(read, partner.codeLists());
        if (!interchange.sender().equals(partner.party()) || !interchange.receiver().equals(partners.sender())) {
            return refuse(partner, fileName, text, "the interchange is from " + interchange.sender() + " to "
                    + interchange.receiver() + ", not from " + partner.party() + " to " + partners.sender(), null);
        }
        if (!interchange.errors().isEmpty()) {
            return refuse(partner, fileName, text, "the envelope is invalid: " + String.join("; ",
                    interchange.errors().stream().map(ReceivedInterchange.EnvelopeError::reason).toList()),
                    partner.ta1().onEnvelopeError() ? interchange : null);
        }
        return Panache.withTransaction(() -> files.received(partner.id(), interchange.controlNumber()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            EdiFile file = new EdiFile(EdiFile.Direction.IN, partner.id(), firstType(interchange), fileName,
                    Documents.sha256(content), interchange.controlNumber(), groupControls(interchange),
                    setControls(interchange), EdiFile.Status.PROCESSED, text, "edi-" + UUID.randomUUID(), null,
                    clock.instant());
            Uni<?> ta1 = interchange.acknowledgmentRequested() && partner.ta1().whenRequested()
                    ? documents.queueInterchangeAck(partner, interchange, "A", "000", file.correlationId())
                    : Uni.createFrom().voidItem();
            return files.persist(file)
                    .chain(() -> ta1)
                    .chain(() -> Multi.createFrom()
                            .iterable(interchange.acknowledgments())
                            .onItem()
                            .transformToUniAndConcatenate(ack -> acknowledgments.interchangeAcknowledged(partner, ack,
                                    fileName))
                            .collect()
                            .asList())
                    .chain(() -> apply(partner, file, interchange))
                    .invoke(events -> file.produced(String.join(",", events)))
                    .chain(() -> acknowledge(partner, interchange, file))
                    .replaceWith(Outcome.PROCESSED);
        }));
    }

    /** A file over the partner's size limit: an exception, nothing read. */
    public Uni<Void> refuseTooLarge(Partner partner, String fileName, long size) {
        return Panache.withTransaction(() -> exceptions.raise(FILE_REFUSED, "ops", partner.id() + "|" + fileName,
                fileName + " from " + partner.id() + " was refused: " + size + " bytes, over the limit of "
                        + partner.maxFileBytes(),
                null)).replaceWithVoid();
    }

    /** Archives a file as refused with an exception; a TA1 rejecting it when {@code rejected} is given. */
    private Uni<Outcome> refuse(Partner partner, String fileName, String text, String reason,
            ReceivedInterchange rejected) {
        String sha = Documents.sha256(text.getBytes(StandardCharsets.ISO_8859_1));
        return Panache.withTransaction(() -> files.received(partner.id(), "#" + sha.substring(0, 8)).chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            EdiFile file = new EdiFile(EdiFile.Direction.IN, partner.id(), "---", fileName, sha, "#" + sha.substring(0, 8),
                    null, null, EdiFile.Status.REFUSED, text, null, null, clock.instant());
            file.refused(reason);
            return files.persist(file)
                    .chain(() -> exceptions.raise(FILE_REFUSED, "ops", partner.id() + "|" + fileName,
                            fileName + " from " + partner.id() + " was refused: " + reason, "{\"file\":\"" + file.id() + "\"}"))
                    .chain(() -> rejected == null
                            ? Uni.createFrom().voidItem()
                            : documents.queueInterchangeAck(partner, rejected, "R", rejected.envelopeNote(), null)
                                    .replaceWithVoid())
                    .replaceWith(Outcome.REFUSED);
        }));
    }

    private Uni<List<String>> apply(Partner partner, EdiFile file, ReceivedInterchange interchange) {
        List<Uni<List<UUID>>> work = new ArrayList<>();
        for (ReceivedInterchange.Group group : interchange.groups()) {
            for (ReceivedInterchange.TransactionSet set : group.sets()) {
                work.add(applySet(partner, file, group, set));
            }
        }
        if (work.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom()
                .iterable(work)
                .onItem()
                .transformToUniAndConcatenate(uni -> uni)
                .collect()
                .asList()
                .map(lists -> lists.stream().flatMap(List::stream).map(UUID::toString).toList());
    }

    private Uni<List<UUID>> applySet(Partner partner, EdiFile file, ReceivedInterchange.Group group,
            ReceivedInterchange.TransactionSet set) {
        String key = partner.id() + "|" + file.interchangeControl() + "|" + group.controlNumber() + "|" + set.controlNumber();
        if (!set.accepted() || !group.errorCodes().isEmpty()) {
            String reason = set.accepted()
                    ? "group " + group.controlNumber() + " is invalid (AK9 " + group.errorCodes() + ")"
                    : set.firstError();
            return refuseSet(partner, file, set, key, reason);
        }
        return Uni.createFrom()
                .deferred(() -> sets.apply(partner, set, file))
                .onFailure(MappingException.class)
                .recoverWithUni(failure -> refuseSet(partner, file, set, key, failure.getMessage()));
    }

    private Uni<List<UUID>> refuseSet(Partner partner, EdiFile file, ReceivedInterchange.TransactionSet set, String key,
            String reason) {
        return exceptions.raise(SET_REFUSED, "ops", key,
                "X12 " + set.type() + " " + set.controlNumber() + " in " + file.fileName() + " from " + partner.id()
                        + " was refused, nothing of it applied: " + reason,
                "{\"file\":\"" + file.id() + "\",\"set\":\"" + set.controlNumber() + "\"}")
                .replaceWith(List.of());
    }

    /** A 997 for every group received but the partner's own 997s. */
    private Uni<Void> acknowledge(Partner partner, ReceivedInterchange interchange, EdiFile file) {
        if (!partner.exchanges(DocumentType.FUNCTIONAL_ACKNOWLEDGMENT)) {
            return Uni.createFrom().voidItem();
        }
        List<ReceivedInterchange.Group> owed = interchange.groups()
                .stream()
                .filter(group -> !DocumentType.FUNCTIONAL_ACKNOWLEDGMENT.functionalId().equals(group.functionalId()))
                .toList();
        return Multi.createFrom()
                .iterable(owed)
                .onItem()
                .transformToUniAndConcatenate(group -> documents.queue(partner, DocumentType.FUNCTIONAL_ACKNOWLEDGMENT,
                        FunctionalAck997.of(group), file.correlationId(),
                        "997 for " + file.fileName() + " group " + group.controlNumber()))
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private static String firstType(ReceivedInterchange interchange) {
        return interchange.groups()
                .stream()
                .flatMap(group -> group.sets().stream())
                .map(set -> set.type())
                .filter(type -> type != null && type.length() <= 3)
                .findFirst()
                .orElse(interchange.acknowledgments().isEmpty() ? "---" : "TA1");
    }

    private static String groupControls(ReceivedInterchange interchange) {
        String controls = String.join(",",
                interchange.groups().stream().map(ReceivedInterchange.Group::controlNumber).toList());
        return controls.length() > 9 ? controls.substring(0, 9) : controls;
    }

    private static String setControls(ReceivedInterchange interchange) {
        String controls = String.join(",", interchange.groups()
                .stream()
                .flatMap(group -> group.sets().stream())
                .map(ReceivedInterchange.TransactionSet::controlNumber)
                .toList());
        return controls.length() > 2000 ? controls.substring(0, 2000) : controls;
    }
}

package io.portage.edi.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.EdiFile;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.x12.Envelope;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.X12Writer;
import io.portage.edi.repository.ControlNumbers;
import io.portage.edi.repository.EdiFileRepository;
import io.smallrye.mutiny.Uni;

/**
 * Writes outbound documents in the caller's transaction: takes the partner's next ISA, GS and ST control numbers,
 * writes the interchange (validated) and queues it in the archive as PENDING for the dispatcher, awaiting the
 * partner's 997 when the partner sends them.
 */
@ApplicationScoped
public class Documents {

    private final PartnerDirectory partners;
    private final ControlNumbers controlNumbers;
    private final EdiFileRepository files;
    private final Clock clock = Clock.systemUTC();

    public Documents(PartnerDirectory partners, ControlNumbers controlNumbers, EdiFileRepository files) {
        this.partners = partners;
        this.controlNumbers = controlNumbers;
        this.files = files;
    }

    /**
     * Queues one interchange of one transaction set for {@code partner}.
     *
     * @throws io.portage.edi.domain.x12.X12WriteException (as the Uni's failure) when the document breaks its schema
     */
    public Uni<EdiFile> queue(Partner partner, DocumentType type, X12Writer.SetContent content, String correlationId,
            String businessKey) {
        return controlNumbers.next(partner.id(), ControlNumbers.Kind.ISA)
                .chain(isa -> controlNumbers.next(partner.id(), ControlNumbers.Kind.GS)
                        .chain(gs -> controlNumbers.next(partner.id(), ControlNumbers.Kind.ST).chain(st -> {
                            String setControl = String.format("%04d", st % 1_000_000_000L);
                            var now = clock.instant();
                            String x12 = X12Writer.write(
                                    new Envelope(partners.sender(), partner.party(), partners.senderApplicationId(),
                                            partner.applicationId(), partner.version(), partners.usage(), isa, gs, now),
                                    type, List.of(new X12Writer.TransactionSet(setControl, content)));
                            String isaControl = String.format("%09d", isa);
                            EdiFile file = new EdiFile(EdiFile.Direction.OUT, partner.id(), type.code(),
                                    type.code() + "_" + partner.id() + "_" + isaControl + ".x12", sha256(x12), isaControl,
                                    Long.toString(gs), setControl, EdiFile.Status.PENDING, x12, correlationId, businessKey,
                                    now);
                            if (type != DocumentType.FUNCTIONAL_ACKNOWLEDGMENT
                                    && partner.exchanges(DocumentType.FUNCTIONAL_ACKNOWLEDGMENT)) {
                                file.awaitAcknowledgment(now.plus(partner.ackWithin()));
                            }
                            return files.persist(file);
                        })));
    }

    /** Queues a TA1 for the partner's interchange: {@code code} A or R, {@code note} the TA105 code. */
    public Uni<EdiFile> queueInterchangeAck(Partner partner, ReceivedInterchange interchange, String code, String note,
            String correlationId) {
        return controlNumbers.next(partner.id(), ControlNumbers.Kind.ISA).chain(isa -> {
            var now = clock.instant();
            String x12 = X12Writer.writeInterchangeAck(
                    new Envelope(partners.sender(), partner.party(), partners.senderApplicationId(),
                            partner.applicationId(), partner.version(), partners.usage(), isa, 0, now),
                    interchange.controlNumber(), interchange.date(), interchange.time(), code, note);
            String isaControl = String.format("%09d", isa);
            return files.persist(new EdiFile(EdiFile.Direction.OUT, partner.id(), "TA1",
                    "TA1_" + partner.id() + "_" + isaControl + ".x12", sha256(x12), isaControl, null,
                    null, EdiFile.Status.PENDING, x12, correlationId, "TA1 for " + interchange.controlNumber(), now));
        });
    }

    static String sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

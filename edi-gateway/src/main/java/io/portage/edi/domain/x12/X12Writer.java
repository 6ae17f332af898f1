package io.portage.edi.domain.x12;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.portage.edi.domain.DocumentType;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Writes one X12 interchange of one functional group through StAEDI, validated as it is written against the envelope
 * schema and the transaction set's schema: a document that breaks either is never produced ({@link X12WriteException}
 * names the segment, element and reason).
 */
public final class X12Writer {

    private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final char COMPONENT_SEPARATOR = '>';

    private X12Writer() {
    }

    /** What one transaction set contains between its ST and SE. */
    @FunctionalInterface
    public interface SetContent {

        void write(Segments out) throws EDIStreamException;
    }

    /** A transaction set to write: its control number (ST02) and its content. */
    public record TransactionSet(String controlNumber, SetContent content) {
    }

    /** The interchange: {@code sets} of {@code type} in one group under {@code envelope}. */
    public static String write(Envelope envelope, DocumentType type, List<TransactionSet> sets) {
        Schema transactionSchema = X12Schemas.transaction(type.code());
        if (transactionSchema == null) {
            throw new IllegalStateException("No schema for X12 " + type.code());
        }
        List<String> errors = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EDIStreamWriter writer = writer(envelope, bytes, errors)) {
            Segments out = new Segments(writer);
            var at = envelope.at().atOffset(ZoneOffset.UTC);
            header(out, envelope);
            out.segment("GS", type.functionalId(), envelope.senderApplicationId(), envelope.receiverApplicationId(),
                    DATE.format(at), TIME.format(at), Long.toString(envelope.groupControl()), "X",
                    envelope.version().release());
            for (TransactionSet set : sets) {
                writer.setTransactionSchema(transactionSchema);
                out.startCount();
                out.segment("ST", type.code(), set.controlNumber());
                set.content().write(out);
                out.segment("SE", Integer.toString(out.count() + 1), set.controlNumber());
                if (!errors.isEmpty()) {
                    throw new X12WriteException("X12 " + type.code() + " " + set.controlNumber() + " breaks its schema: "
                            + String.join("; ", errors));
                }
            }
            out.segment("GE", Integer.toString(sets.size()), Long.toString(envelope.groupControl()));
            out.segment("IEA", "1", String.format("%09d", envelope.interchangeControl()));
            writer.endInterchange();
            writer.flush();
        } catch (EDIStreamException e) {
            throw new X12WriteException("X12 " + type.code() + " cannot be written: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new X12WriteException("X12 " + type.code() + " breaks its envelope schema: " + String.join("; ", errors));
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /**
     * An interchange holding one TA1 Interchange Acknowledgment under {@code envelope}: the acknowledged interchange's
     * control number, date (YYMMDD) and time (HHMM), the code (A, E, R) and the note code (TA105).
     */
    public static String writeInterchangeAck(Envelope envelope, String controlNumber, String date, String time,
            String code, String note) {
        List<String> errors = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EDIStreamWriter writer = writer(envelope, bytes, errors)) {
            Segments out = new Segments(writer);
            header(out, envelope);
            out.segment("TA1", controlNumber, date, time, code, note);
            out.segment("IEA", "0", String.format("%09d", envelope.interchangeControl()));
            writer.endInterchange();
            writer.flush();
        } catch (EDIStreamException e) {
            throw new X12WriteException("TA1 cannot be written: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new X12WriteException("TA1 breaks the envelope schema: " + String.join("; ", errors));
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    private static EDIStreamWriter writer(Envelope envelope, ByteArrayOutputStream bytes, List<String> errors)
            throws EDIStreamException {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, COMPONENT_SEPARATOR);
        factory.setProperty(Delimiters.REPETITION, envelope.version().repetitionSeparator() == 'U'
                ? '^'
                : envelope.version().repetitionSeparator());
        factory.setErrorReporter((error, writer, location, data, reference) -> errors.add(location.getSegmentTag()
                + " (segment " + location.getSegmentPosition() + ", element " + location.getElementPosition() + "): "
                + error + (data == null ? "" : " '" + data + "'")));
        EDIStreamWriter writer = factory.createEDIStreamWriter(bytes, StandardCharsets.US_ASCII.name());
        writer.setControlSchema(X12Schemas.control(envelope.version().interchangeVersion()));
        writer.startInterchange();
        return writer;
    }

    private static void header(Segments out, Envelope envelope) throws EDIStreamException {
        var at = envelope.at().atOffset(ZoneOffset.UTC);
        out.segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), envelope.sender().qualifier(),
                pad(envelope.sender().id()), envelope.receiver().qualifier(), pad(envelope.receiver().id()),
                ISA_DATE.format(at), TIME.format(at), String.valueOf(envelope.version().repetitionSeparator()),
                envelope.version().interchangeVersion(), String.format("%09d", envelope.interchangeControl()), "0",
                envelope.usage(), String.valueOf(COMPONENT_SEPARATOR));
    }

    /** ISA06/ISA08 are 15 characters, padded with spaces. */
    private static String pad(String id) {
        return String.format("%-15s", id);
    }

    /** The segments of one interchange, counted per transaction set for its SE01. */
    public static final class Segments {

        private final EDIStreamWriter writer;
        private int count;

        Segments(EDIStreamWriter writer) {
            this.writer = writer;
        }

        /** Writes a segment; a null element is written empty (trailing empty elements are left out). */
        public Segments segment(String tag, String... elements) throws EDIStreamException {
            writer.writeStartSegment(tag);
            for (String element : elements) {
                if (element == null || element.isEmpty()) {
                    writer.writeEmptyElement();
                } else {
                    writer.writeElement(element);
                }
            }
            writer.writeEndSegment();
            count++;
            return this;
        }

        void startCount() {
            count = 0;
        }

        int count() {
            return count;
        }
    }
}

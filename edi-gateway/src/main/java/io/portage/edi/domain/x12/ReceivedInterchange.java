package io.portage.edi.domain.x12;

import java.util.List;

import io.portage.edi.domain.X12Party;

/**
 * One X12 interchange as StAEDI read it: its envelope (with ISA09/ISA10 and whether ISA14 asks for a TA1), the TA1s it
 * carries, its groups and sets with their segments, and every validation error the reader reported, placed where a
 * 997 needs it (AK3/AK4 per segment, AK5 per set, AK9 per group) or, for the envelope, a TA1 (TA105 note codes).
 */
public record ReceivedInterchange(X12Party sender, X12Party receiver, String controlNumber, String date, String time,
        boolean acknowledgmentRequested, List<InterchangeAck> acknowledgments, List<Group> groups,
        List<EnvelopeError> errors) {

    /** A TA1 received: the interchange it acknowledges (TA101), how (TA104: A, E, R) and the note code (TA105). */
    public record InterchangeAck(String controlNumber, String code, String note) {
    }

    /** What is wrong with the envelope, for people, and its TA105 note code. */
    public record EnvelopeError(String note, String reason) {
    }

    /** The TA105 note of the first envelope error, {@code 000} when there is none. */
    public String envelopeNote() {
        return errors.isEmpty() ? "000" : errors.get(0).note();
    }

    /** A functional group: GS01, GS06, GS08, its sets and its own errors as AK905 codes. */
    public record Group(String functionalId, String controlNumber, String version, List<TransactionSet> sets,
            List<String> errorCodes) {

        public boolean accepted(TransactionSet set) {
            return set.accepted();
        }
    }

    /** A transaction set: ST01, ST02, its segments, the errors in them and its own errors as AK502 codes. */
    public record TransactionSet(String type, String controlNumber, List<Segment> segments, List<SegmentError> errors,
            List<String> errorCodes) {

        public boolean accepted() {
            return errors.isEmpty() && errorCodes.isEmpty();
        }

        /** The first error, said for people: the segment, its position and why. */
        public String firstError() {
            if (!errors.isEmpty()) {
                return errors.get(0).describe();
            }
            return errorCodes.isEmpty() ? null : "transaction set " + controlNumber + ": AK5 code " + errorCodes.get(0);
        }
    }

    /** A segment and its elements (element n is {@code element(n)}, 1-based; empty when absent). */
    public record Segment(String tag, int position, List<String> elements) {

        public String element(int position) {
            return position <= elements.size() && elements.get(position - 1) != null ? elements.get(position - 1) : "";
        }
    }

    /**
     * What is wrong with a segment: AK3 (tag, position in the set, loop, AK304 code) and, for an element, AK4 (position,
     * reference number, AK403 code, the bad data); {@code reason} says it for people.
     */
    public record SegmentError(String segmentTag, int segmentPosition, String loopId, String segmentCode,
            Integer elementPosition, String elementReference, String elementCode, String data, String reason) {

        public String describe() {
            return "segment " + segmentTag + " at position " + segmentPosition
                    + (elementPosition == null ? "" : ", element " + segmentTag + String.format("%02d", elementPosition))
                    + ": " + reason + (data == null || data.isEmpty() ? "" : " ('" + data + "')");
        }
    }
}

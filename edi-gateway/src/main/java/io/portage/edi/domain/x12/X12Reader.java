package io.portage.edi.domain.x12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portage.edi.domain.X12Party;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

/**
 * Reads an X12 interchange with StAEDI's stream reader, each transaction set validated against Portage's schema for
 * its type, into a {@link ReceivedInterchange}: segments as the reader delivered them (never split by hand) and the
 * reader's validation events turned into the codes a 997 carries.
 */
public final class X12Reader {

    /** AK304 (segment) and AK403 (element) codes for StAEDI's validation errors. */
    private static final Map<EDIStreamValidationError, String> CODES = Map.ofEntries(
            Map.entry(EDIStreamValidationError.UNRECOGNIZED_SEGMENT_ID, "1"),
            Map.entry(EDIStreamValidationError.UNEXPECTED_SEGMENT, "2"),
            Map.entry(EDIStreamValidationError.MANDATORY_SEGMENT_MISSING, "3"),
            Map.entry(EDIStreamValidationError.LOOP_OCCURS_OVER_MAXIMUM_TIMES, "4"),
            Map.entry(EDIStreamValidationError.SEGMENT_EXCEEDS_MAXIMUM_USE, "5"),
            Map.entry(EDIStreamValidationError.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET, "6"),
            Map.entry(EDIStreamValidationError.SEGMENT_NOT_IN_PROPER_SEQUENCE, "7"),
            Map.entry(EDIStreamValidationError.SEGMENT_HAS_DATA_ELEMENT_ERRORS, "8"),
            Map.entry(EDIStreamValidationError.REQUIRED_DATA_ELEMENT_MISSING, "1"),
            Map.entry(EDIStreamValidationError.CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING, "2"),
            Map.entry(EDIStreamValidationError.TOO_MANY_DATA_ELEMENTS, "3"),
            Map.entry(EDIStreamValidationError.DATA_ELEMENT_TOO_SHORT, "4"),
            Map.entry(EDIStreamValidationError.DATA_ELEMENT_TOO_LONG, "5"),
            Map.entry(EDIStreamValidationError.INVALID_CHARACTER_DATA, "6"),
            Map.entry(EDIStreamValidationError.INVALID_CODE_VALUE, "7"),
            Map.entry(EDIStreamValidationError.INVALID_DATE, "8"),
            Map.entry(EDIStreamValidationError.INVALID_TIME, "9"),
            Map.entry(EDIStreamValidationError.EXCLUSION_CONDITION_VIOLATED, "10"),
            Map.entry(EDIStreamValidationError.TOO_MANY_REPETITIONS, "12"),
            Map.entry(EDIStreamValidationError.TOO_MANY_COMPONENTS, "13"));

    private X12Reader() {
    }

    /**
     * The interchange in {@code file}.
     *
     * @throws X12ReadException when the file is not an X12 interchange at all (nothing to acknowledge)
     */
    public static ReceivedInterchange read(byte[] file) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        State state = new State();
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(file))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_TRANSACTION -> state.startSet();
                    case START_SEGMENT -> state.startSegment(reader.getText());
                    case ELEMENT_DATA -> state.element(reader, reader.getLocation(), reader.getText());
                    case END_SEGMENT -> state.endSegment();
                    case END_TRANSACTION -> state.endSet();
                    case END_GROUP -> state.endGroup();
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> state.error(reader, event);
                    default -> {
                        // interchange start/end, loops and composites carry nothing Portage keeps
                    }
                }
            }
        } catch (EDIStreamException e) {
            Location location = e.getLocation();
            throw new X12ReadException("not a readable X12 interchange"
                    + (location == null ? "" : " at segment " + location.getSegmentPosition()) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new X12ReadException("cannot read the file: " + e.getMessage(), e);
        }
        if (state.interchangeControl == null) {
            throw new X12ReadException("no ISA interchange header");
        }
        return new ReceivedInterchange(state.sender, state.receiver, state.interchangeControl, state.date, state.time,
                state.acknowledgmentRequested, state.interchangeAcks, state.groups, state.interchangeErrors);
    }

    /** What the reader has seen so far. */
    private static final class State {

        X12Party sender;
        X12Party receiver;
        String interchangeControl;
        String date;
        String time;
        boolean acknowledgmentRequested;
        final List<ReceivedInterchange.InterchangeAck> interchangeAcks = new ArrayList<>();
        final List<ReceivedInterchange.Group> groups = new ArrayList<>();
        final List<ReceivedInterchange.EnvelopeError> interchangeErrors = new ArrayList<>();

        String groupId;
        String groupControl;
        String groupVersion;
        List<ReceivedInterchange.TransactionSet> sets;
        List<String> groupErrors;

        String setType;
        String setControl;
        List<ReceivedInterchange.Segment> segments;
        List<ReceivedInterchange.SegmentError> setErrors;
        List<String> setCodes;

        String tag;
        List<String> elements;
        int position;

        void startSet() {
            segments = new ArrayList<>();
            setErrors = new ArrayList<>();
            setCodes = new ArrayList<>();
            position = 0;
        }

        /**
         * The set's schema is chosen on ST01 (the reader's transaction type is not reliably available at
         * START_TRANSACTION: a large file showed it unset mid-stream).
         */
        private void chooseSchema(EDIStreamReader reader, String type) {
            Schema schema = X12Schemas.transaction(type);
            if (schema == null) {
                setCodes.add("1");
            } else {
                reader.setTransactionSchema(schema);
            }
        }

        void startSegment(String segmentTag) {
            tag = segmentTag;
            elements = new ArrayList<>();
            if (segments != null) {
                position++;
            }
        }

        void element(EDIStreamReader reader, Location location, String text) {
            int index = location.getElementPosition();
            if ("ST".equals(tag) && index == 1 && segments != null) {
                chooseSchema(reader, text);
            }
            if (location.getComponentPosition() > 1) {
                return;
            }
            while (elements.size() < index - 1) {
                elements.add("");
            }
            if (elements.size() < index) {
                elements.add(text);
            }
        }

        void endSegment() {
            switch (tag) {
                case "ISA" -> {
                    sender = new X12Party(get(5), get(6).trim());
                    receiver = new X12Party(get(7), get(8).trim());
                    date = get(9);
                    time = get(10);
                    interchangeControl = get(13);
                    acknowledgmentRequested = "1".equals(get(14));
                }
                case "TA1" -> {
                    if (segments == null) {
                        interchangeAcks.add(new ReceivedInterchange.InterchangeAck(get(1), get(4), get(5)));
                    }
                }
                case "GS" -> {
                    groupId = get(1);
                    groupControl = get(6);
                    groupVersion = get(8);
                    sets = new ArrayList<>();
                    groupErrors = new ArrayList<>();
                }
                case "ST" -> {
                    setType = get(1);
                    setControl = get(2);
                }
                default -> {
                    // a segment of the set (SE too: kept, so positions in errors match the segments)
                }
            }
            if (segments != null) {
                segments.add(new ReceivedInterchange.Segment(tag, position, List.copyOf(elements)));
            }
        }

        void endSet() {
            if (sets != null) {
                sets.add(new ReceivedInterchange.TransactionSet(setType, setControl, List.copyOf(segments),
                        List.copyOf(setErrors), List.copyOf(setCodes)));
            }
            segments = null;
        }

        void endGroup() {
            if (sets != null) {
                groups.add(new ReceivedInterchange.Group(groupId, groupControl, groupVersion, List.copyOf(sets),
                        List.copyOf(groupErrors)));
            }
            sets = null;
        }

        void error(EDIStreamReader reader, EDIStreamEvent event) {
            EDIStreamValidationError error = reader.getErrorType();
            Location location = reader.getLocation();
            String where = location.getSegmentTag();
            if (error == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH
                    || error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
                boolean count = error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT;
                if ("SE".equals(where) && setCodes != null) {
                    setCodes.add(count ? "4" : "3");
                } else if ("GE".equals(where) && groupErrors != null) {
                    groupErrors.add(count ? "5" : "4");
                } else {
                    interchangeErrors.add(new ReceivedInterchange.EnvelopeError(count ? "021" : "001", where + ": " + error));
                }
                return;
            }
            if (setErrors == null || segments == null) {
                interchangeErrors.add(new ReceivedInterchange.EnvelopeError("024", where + ": " + error));
                return;
            }
            String code = CODES.getOrDefault(error, event == EDIStreamEvent.SEGMENT_ERROR ? "8" : "7");
            String reason = error.name().toLowerCase().replace('_', ' ');
            if (event == EDIStreamEvent.SEGMENT_ERROR) {
                int at = error == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING ? position + 1 : position;
                setErrors.add(new ReceivedInterchange.SegmentError(reader.getText(), at, null, code, null, null, null,
                        null, reason));
            } else {
                String data = event == EDIStreamEvent.ELEMENT_DATA_ERROR ? reader.getText() : null;
                setErrors.add(new ReceivedInterchange.SegmentError(where, position, null, "8",
                        location.getElementPosition(), reader.getReferenceCode(), code, data, reason));
            }
        }

        private String get(int position) {
            return position <= elements.size() ? elements.get(position - 1) : "";
        }
    }
}

package io.portage.edi.domain.x12;

/** A valid transaction set whose content Portage cannot use (the segment at fault and why). */
public class MappingException extends RuntimeException {

    public MappingException(ReceivedInterchange.Segment segment, String reason) {
        super("segment " + segment.tag() + " at position " + segment.position() + ": " + reason);
    }

    public MappingException(String message) {
        super(message);
    }
}

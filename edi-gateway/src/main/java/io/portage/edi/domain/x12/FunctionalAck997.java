package io.portage.edi.domain.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of the X12 997 Functional Acknowledgment for one received group, built from the StAEDI reader's
 * validation events (StAEDI has no generator): AK1, per set AK2 with an AK3 per segment in error followed by an AK4 per
 * element in error, and AK5, then AK9.
 */
public final class FunctionalAck997 {

    private FunctionalAck997() {
    }

    /** Whether the group is accepted (A), partly (P) or rejected (R), as AK901 says. */
    public static String groupCode(ReceivedInterchange.Group group) {
        long accepted = group.sets().stream().filter(ReceivedInterchange.TransactionSet::accepted).count();
        if (!group.errorCodes().isEmpty() || accepted == 0 && !group.sets().isEmpty()) {
            return "R";
        }
        return accepted == group.sets().size() ? "A" : "P";
    }

    public static X12Writer.SetContent of(ReceivedInterchange.Group group) {
        return out -> {
            out.segment("AK1", group.functionalId(), group.controlNumber());
            for (ReceivedInterchange.TransactionSet set : group.sets()) {
                out.segment("AK2", set.type(), set.controlNumber());
                String noted = null;
                for (ReceivedInterchange.SegmentError error : set.errors()) {
                    String segment = error.segmentTag() + "@" + error.segmentPosition();
                    if (!segment.equals(noted)) {
                        out.segment("AK3", error.segmentTag(), Integer.toString(error.segmentPosition()), error.loopId(),
                                error.segmentCode());
                        noted = segment;
                    }
                    if (error.elementPosition() != null) {
                        String reference = error.elementReference() != null && error.elementReference().matches("[0-9]{1,4}")
                                ? error.elementReference()
                                : null;
                        out.segment("AK4", Integer.toString(error.elementPosition()), reference, error.elementCode(),
                                clip(error.data()));
                    }
                }
                List<String> ak5 = new ArrayList<>();
                ak5.add(set.accepted() ? "A" : "R");
                List<String> codes = new ArrayList<>(set.errorCodes());
                if (!set.errors().isEmpty()) {
                    codes.add("5");
                }
                codes.stream().distinct().limit(5).forEach(ak5::add);
                out.segment("AK5", ak5.toArray(String[]::new));
            }
            long accepted = group.sets().stream().filter(ReceivedInterchange.TransactionSet::accepted).count();
            List<String> ak9 = new ArrayList<>(List.of(groupCode(group), Integer.toString(group.sets().size()),
                    Integer.toString(group.sets().size()), Long.toString(accepted)));
            group.errorCodes().stream().limit(1).forEach(ak9::add);
            out.segment("AK9", ak9.toArray(String[]::new));
        };
    }

    private static String clip(String data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        return data.length() > 99 ? data.substring(0, 99) : data;
    }
}

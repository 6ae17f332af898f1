package io.portage.edi.domain.x12;

import java.time.Instant;

import io.portage.edi.domain.X12Party;
import io.portage.edi.domain.X12Version;

/** The ISA and GS values of one outbound interchange, with its control numbers. */
public record Envelope(X12Party sender, X12Party receiver, String senderApplicationId, String receiverApplicationId,
        X12Version version, String usage, long interchangeControl, long groupControl, Instant at) {
}

package io.portage.edge.domain;

import java.util.List;

/** Where forwarded events go (the gateway's {@code /api/v1/edge/events}); implemented by the gateway client. */
public interface Uplink {

    /**
     * Sends the events in the given order and answers per event; an event without an answer stays pending.
     *
     * @throws UplinkUnavailableException when the receiver cannot be reached or does not answer 2xx
     */
    List<ForwardResult> send(List<EdgeEvent> events);
}

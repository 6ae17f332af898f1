package io.portage.shipment.domain.tms;

import io.smallrye.mutiny.Uni;

/**
 * The transport management system's port: shipments are tendered to it as loads for planning; it answers each load's
 * plan (pickup window and carrier) later, by a signed callback read by {@link #plan}. One adapter per TMS style.
 */
public interface Tms {

    /** Tenders a shipment's load; the TMS's load id. A tender of a reference it holds answers that load again. */
    Uni<String> tender(LoadTender tender);

    /** Whether a callback body is signed with the shared secret (the callback's credential). */
    boolean signed(String body, String signature);

    /**
     * The plan a callback carries.
     *
     * @throws IllegalArgumentException when the body is not a plan
     */
    LoadPlan plan(String body);
}

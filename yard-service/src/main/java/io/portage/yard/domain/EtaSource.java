package io.portage.yard.domain;

/** Who estimated a truck's arrival. */
public enum EtaSource {
    /** The truck's telematics or a visibility platform. */
    TELEMATICS,
    /** The truck entered the site's approach geofence; it is expected at the gate a set time later. */
    GEOFENCE,
    /** The carrier's dispatcher. */
    CARRIER,
    /** The driver. */
    DRIVER
}

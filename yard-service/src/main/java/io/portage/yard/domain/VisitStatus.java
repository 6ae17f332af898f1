package io.portage.yard.domain;

/**
 * Where a truck's visit stands, from the furthest movement seen: a visit whose gate-in has not arrived yet (scans come
 * late) is {@code SEEN}.
 */
public enum VisitStatus {
    SEEN, ARRIVED, IN_YARD, AT_DOOR, IN_PROGRESS, COMPLETED, DEPARTED
}

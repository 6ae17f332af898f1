package io.portage.edi.domain;

import java.util.Arrays;
import java.util.Optional;

/** The X12 releases Portage speaks, with what each puts in ISA11/ISA12 and GS08. */
public enum X12Version {

    V004010("004010", "00401", 'U'), V005010("005010", "00501", '^');

    private final String release;
    private final String interchangeVersion;
    private final char repetitionSeparator;

    X12Version(String release, String interchangeVersion, char repetitionSeparator) {
        this.release = release;
        this.interchangeVersion = interchangeVersion;
        this.repetitionSeparator = repetitionSeparator;
    }

    /** GS08, e.g. {@code 004010}. */
    public String release() {
        return release;
    }

    /** ISA12, e.g. {@code 00401}. */
    public String interchangeVersion() {
        return interchangeVersion;
    }

    /** ISA11: the repetition separator from 00402 on, the standards identifier {@code U} before. */
    public char repetitionSeparator() {
        return repetitionSeparator;
    }

    public static Optional<X12Version> ofRelease(String release) {
        return Arrays.stream(values()).filter(version -> version.release.equals(release)).findFirst();
    }
}

package io.portage.edge.domain;

import java.util.Locale;

/** What a key lets its holder do: a device sends events, an operator reads the status and dead letters and replays. */
public enum AccessRole {

    DEVICE, OPERATOR;

    /** The word in the keys file: {@code device} or {@code operator}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccessRole ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}

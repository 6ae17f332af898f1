package io.portage.console.model;

/** Ages in words a person scans quickly. */
final class Ages {

    private Ages() {
    }

    static String of(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 172_800) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }
}

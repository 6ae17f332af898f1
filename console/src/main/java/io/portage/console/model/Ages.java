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

    /** Minutes in words ({@code 45 min}, {@code 2 h 05 min}); a dash when unknown. */
    static String minutes(Long minutes) {
        if (minutes == null) {
            return "-";
        }
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + String.format("%02d", minutes % 60) + " min";
    }
}

package io.portage.finance.domain;

/** A freight lane between two countries (ISO 3166-1 alpha-2). */
public record Lane(String origin, String destination) {

    public Lane {
        if (!isCountryCode(origin) || !isCountryCode(destination)) {
            throw new IllegalArgumentException("Lanes run between ISO country codes such as NL and DE");
        }
    }

    /** Two capital letters, checked without a regular expression: the audit builds a lane for every line it re-rates. */
    private static boolean isCountryCode(String code) {
        return code != null && code.length() == 2 && code.charAt(0) >= 'A' && code.charAt(0) <= 'Z' && code.charAt(1) >= 'A'
                && code.charAt(1) <= 'Z';
    }

    @Override
    public String toString() {
        return origin + "-" + destination;
    }
}

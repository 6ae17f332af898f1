package io.portage.finance.domain;

/** A freight lane between two countries (ISO 3166-1 alpha-2). */
public record Lane(String origin, String destination) {

    public Lane {
        if (origin == null || !origin.matches("[A-Z]{2}") || destination == null || !destination.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("Lanes run between ISO country codes such as NL and DE");
        }
    }

    @Override
    public String toString() {
        return origin + "-" + destination;
    }
}

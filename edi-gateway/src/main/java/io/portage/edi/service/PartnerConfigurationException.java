package io.portage.edi.service;

import java.util.List;

/** The partner configuration is wrong: every problem, each named by its configuration key. */
public class PartnerConfigurationException extends RuntimeException {

    private final List<String> problems;

    public PartnerConfigurationException(List<String> problems) {
        super("EDI partner configuration has " + problems.size() + " problem(s):\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

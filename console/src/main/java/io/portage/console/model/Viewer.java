package io.portage.console.model;

import java.util.Set;

import io.quarkus.qute.TemplateData;

/** The signed-in person as the pages show them: name, realm roles, and what the menu offers. */
@TemplateData
public record Viewer(String name, Set<String> roles, boolean operator) {

    /** Whether the exception workbench has anything for this person. */
    public boolean exceptions() {
        return operator || roles.contains("finance") || roles.contains("warehouse");
    }

    /** Whether the backlogs page has anything for this person: the same roles own backlogs. */
    public boolean backlogs() {
        return exceptions();
    }

    /** Whether the yard board is for this person: operators and the warehouse. */
    public boolean yard() {
        return operator || roles.contains("warehouse");
    }

    /** Whether the search of a shipment's timeline is for this person: operators (shipment-service shows them all). */
    public boolean search() {
        return operator;
    }

    public String roleList() {
        return String.join(", ", roles);
    }
}

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

    public String roleList() {
        return String.join(", ", roles);
    }
}

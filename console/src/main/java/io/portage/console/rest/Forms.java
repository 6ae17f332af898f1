package io.portage.console.rest;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** What the pages share about reading forms and answering refusals. */
final class Forms {

    private Forms() {
    }

    /** A whole number of minutes from a form or query field; null when empty or not a number. */
    static Integer minutes(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(value.trim());
            return minutes < 0 ? null : minutes;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A refusal shown in place (htmx swaps 4xx answers too, see layout.html): 422 with the fragment. */
    static Response refused(TemplateInstance fragment) {
        return Response.status(422).entity(fragment).build();
    }
}

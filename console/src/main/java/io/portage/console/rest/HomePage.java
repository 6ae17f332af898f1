package io.portage.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.portage.console.model.Viewer;
import io.portage.console.service.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The console's start page at {@code /}: who is signed in, with which roles, and where their work is. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private final Person person;

    public HomePage(Person person) {
        this.person = person;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance home(Viewer viewer);
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(person.viewer());
    }
}

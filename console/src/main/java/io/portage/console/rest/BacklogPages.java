package io.portage.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;

import io.portage.console.model.Viewer;
import io.portage.console.service.BacklogBoard;
import io.portage.console.service.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The backlogs that cost money at {@code /backlogs}: every service's backlogs the person's roles own, with how many
 * items wait and for how long the oldest has (refreshed every minute), and one backlog's oldest items at
 * {@code /backlogs/{service}/{name}}.
 */
@Path("/backlogs")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class BacklogPages {

    private final BacklogBoard board;
    private final Person person;

    public BacklogPages(BacklogBoard board, Person person) {
        this.board = board;
        this.person = person;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(Viewer viewer, BacklogBoard.Listing listing);

        static native TemplateInstance rows(BacklogBoard.Listing listing);

        static native TemplateInstance items(Viewer viewer, BacklogBoard.Items items);
    }

    @GET
    public TemplateInstance list(@RestHeader("HX-Request") String htmx) {
        BacklogBoard.Listing listing = board.list(person);
        return htmx != null ? Templates.rows(listing) : Templates.list(person.viewer(), listing);
    }

    @GET
    @Path("/{service}/{name}")
    public Response items(@PathParam("service") String service, @PathParam("name") String name) {
        BacklogBoard.Items items = board.items(person, service, name);
        return Response.status(items.status()).entity(Templates.items(person.viewer(), items)).build();
    }
}

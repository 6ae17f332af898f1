package io.portage.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;

import io.portage.console.model.Viewer;
import io.portage.console.service.Person;
import io.portage.console.service.YardBoard;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The yard board at {@code /yard} for operators and the warehouse: per site the doors with the truck at each and the
 * trucks on site with their dwell, refreshed every 30 seconds.
 */
@Path("/yard")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class YardPages {

    private final YardBoard board;
    private final Person person;

    public YardPages(YardBoard board, Person person) {
        this.board = board;
        this.person = person;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance board(Viewer viewer, YardBoard.Board board);

        static native TemplateInstance sites(Viewer viewer, YardBoard.Board board);
    }

    @GET
    public TemplateInstance board(@RestHeader("HX-Request") String htmx) {
        YardBoard.Board read = board.read(person);
        return htmx != null ? Templates.sites(person.viewer(), read) : Templates.board(person.viewer(), read);
    }
}

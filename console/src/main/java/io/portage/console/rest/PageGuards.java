package io.portage.console.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.portage.console.model.Viewer;
import io.portage.console.service.Person;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;

/**
 * What guards the pages: a change (POST) must come from the console's own page (htmx sends {@code HX-Request}, which a
 * form on another site cannot), a page the person's roles do not reach is a readable refusal ({@code /dead-letters}
 * and {@code /search} are for operators, {@code /yard} for operators and the warehouse, {@code /exceptions} and
 * {@code /backlogs} for the roles owning items), and an unexpected failure is a page that says
 * so, never a stack trace.
 */
public class PageGuards {

    private final Person person;

    public PageGuards(Person person) {
        this.person = person;
    }

    @CheckedTemplate(basePath = "")
    static class Templates {

        static native TemplateInstance refused(int status, String title, String detail);
    }

    @ServerRequestFilter
    public Response onlyFromTheConsole(HttpServerRequest request) {
        if ("POST".equals(request.method().name()) && request.getHeader("HX-Request") == null) {
            return page(403, "Refused", "Changes are made from the console's own pages.");
        }
        String path = request.path();
        return allowed(path)
                ? null
                : page(403, "Not for your role", "This page is for other roles; the menu shows what is yours.");
    }

    private boolean allowed(String path) {
        Viewer viewer = person.viewer();
        if (path.startsWith("/dead-letters")) {
            return viewer.operator();
        }
        if (path.startsWith("/yard")) {
            return viewer.yard();
        }
        if (path.startsWith("/search")) {
            return viewer.search();
        }
        if (path.startsWith("/exceptions") || path.startsWith("/backlogs")) {
            return viewer.exceptions();
        }
        return true;
    }

    /**
     * A person without the page's role gets the console's page, not runtime-kit's problem JSON: both map this type, and
     * between mappers of one type only the priority decides (at equal priority the choice varied from build to build).
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e) {
        return page(403, "Not for your role", "This page is for other roles; the menu shows what is yours.");
    }

    @ServerExceptionMapper
    public Response unexpected(IllegalArgumentException e) {
        Log.warnf("Unexpected answer: %s", e.getMessage());
        return page(502, "Unexpected answer", "The gateway answered something the console cannot read; try again, "
                + "and tell operations if it persists.");
    }

    private static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Templates.refused(status, title, detail)).build();
    }
}

package io.portage.console.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.portage.console.client.Notice;
import io.portage.console.model.Viewer;
import io.portage.console.service.Person;
import io.portage.console.service.Workbench;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The exception workbench at {@code /exceptions}: every service's items the person's roles reach, filtered by service,
 * type, owner, status, age and partner; one item with its evidence and history; resolve, retry or discard with a
 * required comment, one by one or on the selected items.
 */
@Path("/exceptions")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ExceptionPages {

    /** An age choice of the filter. */
    @TemplateData
    public record AgeChoice(int minutes, String label) {
    }

    static final List<AgeChoice> AGES = List.of(new AgeChoice(15, "15 min"), new AgeChoice(60, "1 h"),
            new AgeChoice(240, "4 h"), new AgeChoice(1440, "1 d"));
    static final List<String> STATUSES = List.of("OPEN", "RESOLVED", "RETRIED", "DISCARDED");

    private final Workbench workbench;
    private final Person person;

    public ExceptionPages(Workbench workbench, Person person) {
        this.workbench = workbench;
        this.person = person;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(Viewer viewer, Workbench.Filter filter, List<String> services,
                List<AgeChoice> ages, List<String> statuses, Workbench.Listing listing);

        static native TemplateInstance rows(Workbench.Filter filter, Workbench.Listing listing);

        static native TemplateInstance detail(Viewer viewer, Workbench.Detail detail, Notice notice);

        static native TemplateInstance panel(Workbench.Detail detail, Notice notice);

        static native TemplateInstance notice(Notice notice);
    }

    @GET
    public TemplateInstance list(@RestQuery String service, @RestQuery String type, @RestQuery String owner,
            @RestQuery String status, @RestQuery String minAge, @RestQuery String partner,
            @RestHeader("HX-Request") String htmx) {
        Workbench.Filter filter = new Workbench.Filter(service, type, owner,
                status == null || status.isBlank() ? "OPEN" : status,
                Forms.minutes(minAge), partner);
        Workbench.Listing listing = workbench.list(person, filter);
        return htmx != null
                ? Templates.rows(filter, listing)
                : Templates.list(person.viewer(), filter, workbench.services(), AGES, STATUSES, listing);
    }

    @GET
    @Path("/{service}/{id}")
    public TemplateInstance detail(@PathParam("service") String service, @PathParam("id") String id) {
        return Templates.detail(person.viewer(), workbench.detail(person, service, id), null);
    }

    @POST
    @Path("/{service}/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("service") String service, @PathParam("id") String id,
            @PathParam("action") String action, @RestForm String comment) {
        Workbench.Action chosen = Workbench.Action.of(action);
        if (chosen == null) {
            return Forms.refused(Templates.notice(Notice.error("No such action", action + " is not resolve, retry or "
                    + "discard")));
        }
        Notice notice = workbench.act(person, service, id, chosen, comment);
        TemplateInstance panel = Templates.panel(workbench.detail(person, service, id), notice);
        return notice.error() ? Forms.refused(panel) : Response.ok(panel).build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(@RestForm String action, @RestForm String comment, @RestForm List<String> selected) {
        Workbench.Action chosen = Workbench.Action.of(action);
        if (chosen == null || selected == null || selected.isEmpty()) {
            return Forms.refused(Templates.notice(Notice.error("Nothing to do", "Select items and an action first.")));
        }
        Notice notice = workbench.actOnAll(person, selected, chosen, comment);
        // The list reloads itself (hx-trigger items-changed) so closed items leave it.
        return Response.status(notice.error() ? 422 : 200)
                .entity(Templates.notice(notice))
                .header("HX-Trigger", "items-changed")
                .build();
    }
}

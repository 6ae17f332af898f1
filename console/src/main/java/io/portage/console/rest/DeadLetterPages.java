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
import io.portage.console.service.DeadLetterDesk;
import io.portage.console.service.Person;
import io.portage.console.service.ReplayJobs;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Dead letters for operators at {@code /dead-letters}: every service's, filtered by service, status, consumer, event
 * type, topic and error; one with its headers and payload; replay it (as it was or corrected) or discard it; and the
 * replay of a filtered set, which always starts with a dry run and then shows its progress.
 */
@Path("/dead-letters")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DeadLetterPages {

    private final DeadLetterDesk desk;
    private final ReplayJobs jobs;
    private final Person person;

    public DeadLetterPages(DeadLetterDesk desk, ReplayJobs jobs, Person person) {
        this.desk = desk;
        this.jobs = jobs;
        this.person = person;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(Viewer viewer, DeadLetterDesk.Filter filter, List<String> services,
                DeadLetterDesk.Listing listing);

        static native TemplateInstance rows(DeadLetterDesk.Filter filter, DeadLetterDesk.Listing listing);

        static native TemplateInstance detail(Viewer viewer, DeadLetterDesk.Detail detail, Notice notice);

        static native TemplateInstance panel(DeadLetterDesk.Detail detail, Notice notice);

        static native TemplateInstance preview(DeadLetterDesk.Filter filter, DeadLetterDesk.Preview preview);

        static native TemplateInstance progress(ReplayJobs.Job job);

        static native TemplateInstance notice(Notice notice);
    }

    @GET
    public TemplateInstance list(@RestQuery String service, @RestQuery String status, @RestQuery String consumer,
            @RestQuery String eventType, @RestQuery String topic, @RestQuery String key, @RestQuery String error,
            @RestHeader("HX-Request") String htmx) {
        DeadLetterDesk.Filter filter = new DeadLetterDesk.Filter(service, status == null || status.isBlank() ? "OPEN" : status,
                consumer,
                eventType, topic, key, error);
        DeadLetterDesk.Listing listing = desk.list(person, filter);
        return htmx != null
                ? Templates.rows(filter, listing)
                : Templates.list(person.viewer(), filter, desk.services(), listing);
    }

    @GET
    @Path("/{service}/{id}")
    public TemplateInstance detail(@PathParam("service") String service, @PathParam("id") String id) {
        return Templates.detail(person.viewer(), desk.detail(person, service, id), null);
    }

    @POST
    @Path("/{service}/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("service") String service, @PathParam("id") String id,
            @RestForm String payload) {
        Notice notice = desk.replay(person.token(), service, id, payload);
        return panel(service, id, notice);
    }

    @POST
    @Path("/{service}/{id}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response discard(@PathParam("service") String service, @PathParam("id") String id,
            @RestForm String reason) {
        return panel(service, id, desk.discard(person, service, id, reason));
    }

    private Response panel(String service, String id, Notice notice) {
        TemplateInstance panel = Templates.panel(desk.detail(person, service, id), notice);
        return notice.error() ? Forms.refused(panel) : Response.ok(panel).build();
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance dryRun(@RestForm String service, @RestForm String consumer, @RestForm String eventType,
            @RestForm String topic, @RestForm String key, @RestForm String error) {
        DeadLetterDesk.Filter filter = new DeadLetterDesk.Filter(service, "OPEN", consumer, eventType, topic, key, error);
        DeadLetterDesk.Preview preview = desk.dryRun(person, filter);
        jobs.previewed(person, filter);
        return Templates.preview(filter, preview);
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replayAll(@RestForm String service, @RestForm String consumer, @RestForm String eventType,
            @RestForm String topic, @RestForm String key, @RestForm String error) {
        DeadLetterDesk.Filter filter = new DeadLetterDesk.Filter(service, "OPEN", consumer, eventType, topic, key, error);
        if (!jobs.wasPreviewed(person, filter)) {
            return Forms.refused(Templates.notice(Notice.error("Dry run first", "Run the dry run with these filters, "
                    + "check what it would replay, then replay.")));
        }
        return Response.ok(Templates.progress(jobs.start(person, desk.openReferences(person, filter)))).build();
    }

    @GET
    @Path("/jobs/{id}")
    public Response progress(@PathParam("id") String id) {
        return jobs.get(person, id)
                // The fragment polls while the job runs and stops once it shows the end.
                .map(job -> Response.ok(Templates.progress(job)).build())
                .orElseGet(() -> Response.status(404)
                        .entity(Templates.notice(Notice.error("No such replay", "It finished long ago or was "
                                + "started by someone else.")))
                        .build());
    }
}

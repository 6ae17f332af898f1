package io.portage.console.rest;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.portage.console.model.Viewer;
import io.portage.console.service.Person;
import io.portage.console.service.ReliabilityDesk;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;

/**
 * Partner reliability for operators at {@code /partner-reliability}: per partner and route the requests, error rates,
 * 429s and latency percentiles over a period, webhook deliveries per subscriber, and their charts (inline SVG, each
 * with a table of the same figures).
 */
@Path("/partner-reliability")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReliabilityPage {

    private final ReliabilityDesk desk;
    private final Person person;

    public ReliabilityPage(ReliabilityDesk desk, Person person) {
        this.desk = desk;
        this.person = person;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance page(Viewer viewer, ReliabilityDesk.View view);
    }

    @GET
    public TemplateInstance page(@RestQuery String from, @RestQuery String to, @RestQuery String partner,
            @RestQuery String route) {
        if (!person.operator()) {
            throw new ForbiddenException("Partner reliability is for operators");
        }
        ReliabilityDesk.Form form = ReliabilityDesk.Form.of(from, to, partner, route, Instant.now());
        return Templates.page(person.viewer(), desk.read(person, form));
    }
}

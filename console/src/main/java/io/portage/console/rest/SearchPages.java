package io.portage.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.portage.console.model.Viewer;
import io.portage.console.service.Person;
import io.portage.console.service.ShipmentSearch;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * One search box at {@code /search} for operators: a shipment's timeline by order number, Portage's order id, Odoo
 * reference, tracking number or trailer.
 */
@Path("/search")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    private final ShipmentSearch search;
    private final Person person;

    public SearchPages(ShipmentSearch search, Person person) {
        this.search = search;
        this.person = person;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance search(Viewer viewer, ShipmentSearch.Result result);

        static native TemplateInstance results(ShipmentSearch.Result result);
    }

    @GET
    public TemplateInstance search(@RestQuery String q, @RestHeader("HX-Request") String htmx) {
        ShipmentSearch.Result result = search.find(person, q);
        return htmx != null ? Templates.results(result) : Templates.search(person.viewer(), result);
    }
}

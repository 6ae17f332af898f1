package io.portage.yard.service;

/** No visit by that id at the site. */
public class VisitNotFoundException extends RuntimeException {

    public VisitNotFoundException(String site, String visitId) {
        super("No visit " + visitId + " at site " + site);
    }
}

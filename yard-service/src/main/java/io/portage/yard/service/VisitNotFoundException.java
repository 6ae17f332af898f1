package io.portage.yard.service;

import io.portage.kit.domain.NotFoundException;

/** No visit by that id at the site. */
public class VisitNotFoundException extends NotFoundException {

    public VisitNotFoundException(String site, String visitId) {
        super("No visit " + visitId + " at site " + site);
    }
}

package io.portage.yard.service;

import io.portage.kit.domain.NotFoundException;

/** No site by that code has booking rules defined. */
public class SiteNotFoundException extends NotFoundException {

    public SiteNotFoundException(String site) {
        super("Site " + site + " has no booking rules defined");
    }
}

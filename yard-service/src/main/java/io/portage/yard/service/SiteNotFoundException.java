package io.portage.yard.service;

/** No site by that code has booking rules defined. */
public class SiteNotFoundException extends RuntimeException {

    public SiteNotFoundException(String site) {
        super("Site " + site + " has no booking rules defined");
    }
}

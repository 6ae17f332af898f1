package io.portage.console.client;

import io.quarkus.qute.TemplateData;

/** A message for the person on the page: what worked, or what was refused and why. */
@TemplateData
public record Notice(boolean error, String title, String detail) {

    public static Notice error(String title, String detail) {
        return new Notice(true, title, detail);
    }

    public static Notice done(String title, String detail) {
        return new Notice(false, title, detail);
    }
}

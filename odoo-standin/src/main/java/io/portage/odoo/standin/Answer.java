package io.portage.odoo.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What one HTTP call answers: a status, a content type and a body. */
record Answer(int status, String contentType, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    static Answer json(int status, Object body) {
        try {
            return new Answer(status, "application/json", JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Answer xml(String body) {
        return new Answer(200, "text/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer html(int status, String title, String text) {
        String page = "<!doctype html>\n<html lang=en>\n<title>" + status + " " + title + "</title>\n<h1>" + title
                + "</h1>\n<p>" + text + "</p>\n";
        return new Answer(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    static Answer notFound() {
        return html(404, "Not Found", "The requested URL was not found on the server.");
    }
}

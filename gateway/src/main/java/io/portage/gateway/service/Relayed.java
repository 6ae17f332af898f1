package io.portage.gateway.service;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A service's answer as the gateway relays it: status, body, content type, location and ETag, as they are. */
final class Relayed {

    private Relayed() {
    }

    static Response of(Response downstream) {
        String body = downstream.hasEntity() ? downstream.readEntity(String.class) : null;
        Response.ResponseBuilder relayed = Response.status(downstream.getStatus()).entity(body);
        String contentType = downstream.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            relayed.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        for (String header : new String[]{HttpHeaders.LOCATION, HttpHeaders.ETAG}) {
            String value = downstream.getHeaderString(header);
            if (value != null) {
                relayed.header(header, value);
            }
        }
        return relayed.build();
    }
}

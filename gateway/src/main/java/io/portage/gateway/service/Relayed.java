package io.portage.gateway.service;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A service's answer as the gateway relays it: status, body, content type, location and ETag, as they are. */
final class Relayed {

    private Relayed() {
    }

    /**
     * A document (an image, a PDF) as the service sent it: its bytes and type, and what keeps a browser from reading it
     * as anything else; a problem answer stays text.
     */
    static Response document(Response downstream) {
        String contentType = downstream.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (downstream.getStatus() != 200 || contentType == null || contentType.contains("json")) {
            return of(downstream);
        }
        Object entity = downstream.getEntity();
        byte[] body = entity instanceof byte[] bytes ? bytes : downstream.readEntity(byte[].class);
        return Response.ok(body, contentType)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, downstream.getHeaderString(HttpHeaders.CACHE_CONTROL))
                .build();
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

package io.portage.kit.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.opentelemetry.api.trace.Span;
import io.portage.contracts.CloudEventAttributes;

/**
 * Takes the correlation id from {@code X-Correlation-Id} (or makes one), puts it in the log MDC as
 * {@code correlationId} and on the current span as {@code portage.correlation_id}, and echoes it in the response.
 */
public class CorrelationFilter {

    /** Header values longer than this, or with other characters, are replaced rather than trusted. */
    private static final java.util.regex.Pattern ACCEPTED = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final CorrelationContext correlation;

    public CorrelationFilter(CorrelationContext correlation) {
        this.correlation = correlation;
    }

    @ServerRequestFilter(preMatching = true)
    public void incoming(ContainerRequestContext request) {
        String header = request.getHeaderString(CloudEventAttributes.CORRELATION_HEADER);
        if (accepted(header)) {
            correlation.use(header);
        }
        MDC.put("correlationId", correlation.id());
        Span.current().setAttribute("portage.correlation_id", correlation.id());
    }

    /** Whether a caller's {@code X-Correlation-Id} is taken as it is (else the call gets a new one). */
    public static boolean accepted(String header) {
        return header != null && ACCEPTED.matcher(header).matches();
    }

    /** The correlation id of a call answered outside the REST layer: the caller's if accepted, else a new one. */
    public static String idFrom(String header) {
        return accepted(header) ? header : java.util.UUID.randomUUID().toString();
    }

    @ServerResponseFilter
    public void outgoing(ContainerResponseContext response) {
        response.getHeaders().putSingle(CloudEventAttributes.CORRELATION_HEADER, correlation.id());
        MDC.remove("correlationId");
    }
}

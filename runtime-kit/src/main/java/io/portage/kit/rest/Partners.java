package io.portage.kit.rest;

/**
 * The partner (tenant) a request acts for. The gateway sets {@value #HEADER} from the caller's verified token; a
 * request without it is an internal call and acts for the fallback the service names.
 */
public final class Partners {

    public static final String HEADER = "X-Portage-Partner-Id";
    private static final String ACCEPTED = "[A-Za-z0-9._-]{1,64}";

    private Partners() {
    }

    public static String fromHeader(String header, String fallback) {
        String partner = header == null || header.isBlank() ? fallback : header.trim();
        if (partner == null || !partner.matches(ACCEPTED)) {
            throw ProblemException.invalid(HEADER, "must be a partner id (letters, digits, '.', '_' or '-', at most 64)");
        }
        return partner;
    }
}

package io.portage.kit.ops;

import io.portage.kit.rest.ProblemException;

/**
 * The operator behind an operations call. The gateway sets {@value #HEADER} from the operator's verified token (role
 * {@code ops}); a write without it is refused, so every audit record names a person or a client.
 */
public final class OpsActor {

    public static final String HEADER = "X-Portage-Actor";
    private static final String ACCEPTED = "[A-Za-z0-9._@-]{1,100}";

    private OpsActor() {
    }

    public static String fromHeader(String header) {
        if (header == null || !header.trim().matches(ACCEPTED)) {
            throw ProblemException.invalid(HEADER,
                    "must name the operator (letters, digits, '.', '_', '@' or '-', at most 100)");
        }
        return header.trim();
    }
}

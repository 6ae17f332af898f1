package io.portage.odoo.standin;

import java.util.List;

/**
 * An exception as Odoo's RPC layer serializes it: the Python class name, its message and arguments, the HTTP status
 * JSON-2 answers with and the XML-RPC fault code ({@code odoo/addons/base/controllers/rpc.py}, {@code odoo/exceptions.py}).
 */
final class OdooError extends RuntimeException {

    static final String USER_ERROR = "odoo.exceptions.UserError";
    static final String VALIDATION_ERROR = "odoo.exceptions.ValidationError";
    static final String MISSING_ERROR = "odoo.exceptions.MissingError";
    static final String ACCESS_DENIED = "odoo.exceptions.AccessDenied";
    static final String ACCESS_ERROR = "odoo.exceptions.AccessError";
    static final String SERIALIZATION_FAILURE = "psycopg2.errors.SerializationFailure";

    private static final int FAULT_APPLICATION_ERROR = 1;
    private static final int FAULT_WARNING = 2;
    private static final int FAULT_ACCESS_DENIED = 3;
    private static final int FAULT_ACCESS_ERROR = 4;

    final String name;
    final List<Object> arguments;
    final int httpStatus;
    final int faultCode;

    private OdooError(String name, String message, List<Object> arguments, int httpStatus, int faultCode) {
        super(message, null, false, false);
        this.name = name;
        this.arguments = arguments;
        this.httpStatus = httpStatus;
        this.faultCode = faultCode;
    }

    private static OdooError of(String name, String message, int httpStatus, int faultCode) {
        return new OdooError(name, message, List.of(message), httpStatus, faultCode);
    }

    static OdooError userError(String message) {
        return of(USER_ERROR, message, 422, FAULT_WARNING);
    }

    static OdooError validationError(String message) {
        return of(VALIDATION_ERROR, message, 422, FAULT_WARNING);
    }

    static OdooError missingError(String message) {
        return of(MISSING_ERROR, message, 404, FAULT_WARNING);
    }

    static OdooError accessDenied() {
        return of(ACCESS_DENIED, "Access Denied", 403, FAULT_ACCESS_DENIED);
    }

    static OdooError accessError(String message) {
        return of(ACCESS_ERROR, message, 403, FAULT_ACCESS_ERROR);
    }

    static OdooError valueError(String message) {
        return of("builtins.ValueError", message, 500, FAULT_APPLICATION_ERROR);
    }

    static OdooError typeError(String message) {
        return of("builtins.TypeError", message, 500, FAULT_APPLICATION_ERROR);
    }

    static OdooError attributeError(String message) {
        return of("builtins.AttributeError", message, 500, FAULT_APPLICATION_ERROR);
    }

    static OdooError operationalError(String message) {
        return of("psycopg2.OperationalError", message, 500, FAULT_APPLICATION_ERROR);
    }

    /** What {@code odoo/service/model.py#retrying} lets through after its last try on a serialization failure. */
    static OdooError serializationFailure() {
        return of(SERIALIZATION_FAILURE, "could not serialize access due to concurrent update\n", 500,
                FAULT_APPLICATION_ERROR);
    }

    static OdooError notFound(String description) {
        return http("werkzeug.exceptions.NotFound", description, 404);
    }

    static OdooError unprocessable(String description) {
        return http("werkzeug.exceptions.UnprocessableEntity", description, 422);
    }

    static OdooError unauthorized(String description) {
        return http("werkzeug.exceptions.Unauthorized", description, 401);
    }

    static OdooError badRequest(String description) {
        return http("werkzeug.exceptions.BadRequest", description, 400);
    }

    private static OdooError http(String name, String description, int status) {
        return new OdooError(name, description, List.of(description, status), status, FAULT_APPLICATION_ERROR);
    }

    /** Whether XML-RPC answers the bare message ({@code str(e)}) rather than a formatted traceback. */
    boolean odooException() {
        return name.startsWith("odoo.exceptions.");
    }

    String debug() {
        return "Traceback (most recent call last):\n  (Odoo stand-in: no Python frames)\n" + name + ": " + getMessage()
                + (getMessage().endsWith("\n") ? "" : "\n");
    }
}

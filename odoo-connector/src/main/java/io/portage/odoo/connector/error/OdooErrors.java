package io.portage.odoo.connector.error;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.fasterxml.jackson.databind.JsonNode;

/** The one place where JSON-RPC errors, XML-RPC faults, JSON-2 error bodies and transport failures become typed exceptions. */
public final class OdooErrors {

    private OdooErrors() {
    }

    /** A JSON-RPC {@code error} member: {@code {"code":200,"message":"Odoo Server Error","data":{"name":...,"message":...}}}. */
    public static OdooException fromJsonRpc(JsonNode error) {
        JsonNode data = error.path("data");
        String name = data.path("name").asText("");
        String message = data.hasNonNull("message") ? data.path("message").asText() : error.path("message").asText("");
        int code = error.path("code").asInt(200);
        return classify(name, message, code == 100 ? 401 : 0);
    }

    /** A JSON-2 error response: a non-2xx status with {@code {"name":...,"message":...}} (or a body that is not JSON). */
    public static OdooException fromJson2(int status, JsonNode body) {
        String name = body == null ? "" : body.path("name").asText("");
        String message = body == null ? "HTTP " + status : body.path("message").asText("HTTP " + status);
        return classify(name, message, status);
    }

    /** An XML-RPC fault as Odoo's {@code /xmlrpc/2} sends it: 1 application error, 2 warning, 3 access denied, 4 access error. */
    public static OdooException fromXmlRpcFault(int faultCode, String faultString) {
        String text = faultString == null ? "" : faultString;
        return switch (faultCode) {
            case 3 -> new OdooAuthException("odoo.exceptions.AccessDenied", firstLine(text));
            case 4 -> new OdooAccessException("odoo.exceptions.AccessError", text);
            case 2 -> text.contains("does not exist or has been deleted")
                    ? new OdooMissingException("odoo.exceptions.MissingError", text)
                    : new OdooValidationException("odoo.exceptions.UserError", text);
            default -> {
                String name = exceptionNameIn(text);
                String last = lastLine(text);
                yield classify(name, last.startsWith(name + ":") ? last.substring(name.length() + 1).strip() : last, 0);
            }
        };
    }

    /** An HTTP status that is not an Odoo answer (a proxy's 502, a 500 page). */
    public static OdooException fromHttpStatus(int status, String what) {
        if (status == 401) {
            return new OdooAuthException("HTTP 401", what);
        }
        if (status == 403) {
            return new OdooAccessException("HTTP 403", what);
        }
        if (status == 404) {
            return new OdooMissingException("HTTP 404", what);
        }
        return new OdooUnavailableException("HTTP " + status, what);
    }

    /** Anything thrown below or around a call (connection errors, timeouts, open circuit, full bulkhead). */
    public static OdooException fromThrowable(Throwable failure) {
        if (failure instanceof OdooException odoo) {
            return odoo;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new OdooUnavailableException("circuit-open", "Odoo circuit breaker is open; not calling Odoo", failure);
        }
        if (failure instanceof BulkheadException) {
            return new OdooUnavailableException("bulkhead-full", "too many calls to Odoo in flight", failure);
        }
        if (failure instanceof TimeoutException
                || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return new OdooUnavailableException("timeout", "Odoo did not answer in time", failure);
        }
        return new OdooUnavailableException("transport", "cannot reach Odoo: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + failure.getMessage()), failure);
    }

    /** Classifies by Odoo's exception name first, then by the HTTP status. */
    static OdooException classify(String name, String message, int status) {
        String n = name.toLowerCase(Locale.ROOT);
        String m = message.toLowerCase(Locale.ROOT);
        if (n.contains("accessdenied") || n.contains("unauthorized") || n.contains("sessionexpired")) {
            return new OdooAuthException(name, message);
        }
        if (n.contains("accesserror") || n.contains("forbidden")) {
            return new OdooAccessException(name, message);
        }
        if (n.contains("missingerror") || n.contains("notfound")) {
            return new OdooMissingException(name, message);
        }
        if (n.contains("serializationfailure") || n.contains("transactionrollback") || n.contains("deadlock")
                || n.contains("locknotavailable") || n.contains("concurrent") || m.contains("could not serialize access")
                || m.contains("concurrent update")) {
            return new OdooConcurrencyException(name, message);
        }
        if (n.contains("usererror") || n.contains("validationerror") || n.contains("redirectwarning")
                || n.contains("unprocessable") || n.contains("badrequest") || n.contains("valueerror")) {
            return new OdooValidationException(name, message);
        }
        if (n.contains("serviceunavailable") || n.contains("gatewaytimeout") || n.contains("badgateway")) {
            return new OdooUnavailableException(name, message);
        }
        return switch (status) {
            case 401 -> new OdooAuthException(name, message);
            case 403 -> new OdooAccessException(name, message);
            case 404 -> new OdooMissingException(name, message);
            case 409 -> new OdooConcurrencyException(name, message);
            case 400, 422 -> new OdooValidationException(name, message);
            case 502, 503, 504 -> new OdooUnavailableException(name, message);
            default -> new OdooServerException(name.isEmpty() ? "unknown" : name, message);
        };
    }

    private static String exceptionNameIn(String traceback) {
        String last = lastLine(traceback);
        int colon = last.indexOf(':');
        return colon > 0 ? last.substring(0, colon).trim() : traceback;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.lastIndexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(nl + 1);
    }
}

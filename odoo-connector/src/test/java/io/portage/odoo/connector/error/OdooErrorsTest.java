package io.portage.odoo.connector.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one mapping of Odoo's three error shapes onto the typed exceptions. */
class OdooErrorsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void mapsJsonRpcErrorsByTheirPythonName() throws Exception {
        assertThat(jsonRpc("odoo.exceptions.UserError")).isInstanceOf(OdooValidationException.class);
        assertThat(jsonRpc("odoo.exceptions.ValidationError")).isInstanceOf(OdooValidationException.class);
        assertThat(jsonRpc("odoo.exceptions.AccessDenied")).isInstanceOf(OdooAuthException.class);
        assertThat(jsonRpc("odoo.exceptions.AccessError")).isInstanceOf(OdooAccessException.class);
        assertThat(jsonRpc("odoo.exceptions.MissingError")).isInstanceOf(OdooMissingException.class);
        assertThat(jsonRpc("psycopg2.errors.SerializationFailure")).isInstanceOf(OdooConcurrencyException.class)
                .matches(e -> ((OdooException) e).retryable());
        assertThat(jsonRpc("builtins.TypeError")).isInstanceOf(OdooServerException.class);
        OdooException e = jsonRpc("odoo.exceptions.UserError");
        assertThat(e.odooName()).isEqualTo("odoo.exceptions.UserError");
        assertThat(e.getMessage()).isEqualTo("boom");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void mapsJson2StatusesAndNames() throws Exception {
        assertThat(OdooErrors.fromJson2(401, mapper.readTree("{\"name\":\"werkzeug.exceptions.Unauthorized\","
                + "\"message\":\"Invalid apikey\"}"))).isInstanceOf(OdooAuthException.class);
        assertThat(OdooErrors.fromJson2(404, mapper.readTree("{\"name\":\"werkzeug.exceptions.NotFound\"}")))
                .isInstanceOf(OdooMissingException.class);
        assertThat(OdooErrors.fromJson2(422, mapper.readTree("{\"name\":\"odoo.exceptions.ValidationError\"}")))
                .isInstanceOf(OdooValidationException.class);
        assertThat(OdooErrors.fromHttpStatus(503, "down")).isInstanceOf(OdooUnavailableException.class);
    }

    @Test
    void mapsXmlRpcFaults() {
        assertThat(OdooErrors.fromXmlRpcFault(3, "Access Denied")).isInstanceOf(OdooAuthException.class);
        assertThat(OdooErrors.fromXmlRpcFault(4, "no")).isInstanceOf(OdooAccessException.class);
        assertThat(OdooErrors.fromXmlRpcFault(2, "Record does not exist or has been deleted."))
                .isInstanceOf(OdooMissingException.class);
        assertThat(OdooErrors.fromXmlRpcFault(2, "Select a customer")).isInstanceOf(OdooValidationException.class);
        OdooException concurrency = OdooErrors.fromXmlRpcFault(1, "Traceback (most recent call last):\n  x\n"
                + "psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update\n");
        assertThat(concurrency).isInstanceOf(OdooConcurrencyException.class);
        assertThat(concurrency.odooName()).isEqualTo("psycopg2.errors.SerializationFailure");
        assertThat(concurrency.getMessage()).isEqualTo("could not serialize access due to concurrent update");
    }

    @Test
    void anOpenCircuitIsUnavailable() {
        OdooException e = OdooErrors.fromThrowable(new CircuitBreakerOpenException("open"));
        assertThat(e).isInstanceOf(OdooUnavailableException.class);
        assertThat(e.odooName()).isEqualTo("circuit-open");
    }

    private OdooException jsonRpc(String name) throws Exception {
        return OdooErrors.fromJsonRpc(mapper.readTree("{\"code\":200,\"message\":\"Odoo Server Error\",\"data\":"
                + "{\"name\":\"" + name + "\",\"message\":\"boom\"}}"));
    }
}

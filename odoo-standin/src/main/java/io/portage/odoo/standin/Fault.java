package io.portage.odoo.standin;

/** A failure the stand-in can inject into its next calls, as a client of a real Odoo would see it. */
public enum Fault {
    /** HTTP 503 Service Unavailable from the front (proxy or Odoo restarting); the model is never reached. */
    UNAVAILABLE_503,
    /** The connection is closed without any answer; the model is never reached. */
    DROP_CONNECTION,
    /**
     * The call reaches the model, is rolled back and answers {@code psycopg2.errors.SerializationFailure}, as Odoo does
     * once its own retries are exhausted.
     */
    CONCURRENCY_ERROR,
    /** The call is performed and committed, then the answer is held back for 5 seconds. */
    TIMEOUT_AFTER_COMMIT
}

package io.portage.odoo.connector.transport;

/** A login and its secret (password or API key) as sent to Odoo; its text form never shows the secret. */
public record Credential(String login, String secret, boolean apiKey) {

    @Override
    public String toString() {
        return "Credential[login=" + login + ", " + (apiKey ? "api key" : "password") + "=***]";
    }
}

package io.portage.stack;

import java.util.concurrent.CountDownLatch;

import io.portage.odoo.standin.OdooStandin;

/**
 * The launcher's Odoo stand-in process: {@code --port --version --database --login}, and the bot's API key from
 * {@value #API_KEY_VARIABLE} in the environment rather than on the command line, where {@code ps} would show it.
 */
public final class OdooStandinProcess {

    static final String API_KEY_VARIABLE = "PORTAGE_ODOO_STANDIN_API_KEY";

    private OdooStandinProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        OdooStandin.Builder builder = OdooStandin.builder();
        String login = "bot";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(args[i + 1]));
                case "--version" -> builder.version(args[i + 1]);
                case "--database" -> builder.database(args[i + 1]);
                case "--login" -> login = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String apiKey = System.getenv(API_KEY_VARIABLE);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException(API_KEY_VARIABLE + " is not set");
        }
        OdooStandin standin = builder.user(login, "bot-password").apiKey(apiKey).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(standin::close));
        System.out.println("Odoo stand-in listening on " + standin.baseUrl());
        new CountDownLatch(1).await();
    }
}

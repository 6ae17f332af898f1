package io.portage.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Checks, inside a running Quarkus test, that the console handler the service logs through masks personal data: a
 * record naming an e-mail address and a phone number is passed through the handler's own filter and must come out
 * masked.
 */
public final class LogMasking {

    private LogMasking() {
    }

    /** Fails unless every console handler's filter masks an e-mail address and a phone number. */
    public static void assertConsoleMasksPersonalData() {
        List<Handler> consoles = new ArrayList<>();
        for (Handler handler : LogManager.getLogManager().getLogger("").getHandlers()) {
            collectConsoles(handler, consoles);
        }
        if (consoles.isEmpty()) {
            throw new AssertionError("No console handler is installed");
        }
        for (Handler console : consoles) {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "customer %s, phone %s", ExtLogRecord.FormatStyle.PRINTF,
                    LogMasking.class.getName());
            record.setParameters(new Object[]{"ada@example.com", "+31 10 414 1234"});
            if (console.getFilter() == null || !console.getFilter().isLoggable(record)) {
                throw new AssertionError("The console handler has no filter that passes a log line: " + console.getFilter());
            }
            String printed = record.getFormattedMessage();
            if (printed.contains("ada@example.com") || printed.contains("414 1234")) {
                throw new AssertionError("The console would print personal data: " + printed);
            }
        }
    }

    private static void collectConsoles(Handler handler, List<Handler> into) {
        if (handler instanceof ConsoleHandler) {
            into.add(handler);
        }
        if (handler instanceof ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                collectConsoles(child, into);
            }
        }
    }
}

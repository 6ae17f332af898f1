package io.portage.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

/** A log line, as the services' console format prints it, carries no e-mail address or phone number. */
class PersonalDataFilterTest {

    private final PersonalDataFilter filter = new PersonalDataFilter();
    private final PatternFormatter format = new PatternFormatter("%-5p [%c{2.}] (%t) %s%e%n");

    private String printed(ExtLogRecord record) {
        assertThat(filter.isLoggable(record)).isTrue();
        return format.format(record);
    }

    @Test
    void theMessageAndItsParametersAreMasked() {
        ExtLogRecord printf = new ExtLogRecord(Level.WARNING, "Odoo refused partner %s (%s): phone %s",
                ExtLogRecord.FormatStyle.PRINTF, PersonalDataFilterTest.class.getName());
        printf.setParameters(new Object[]{"ref-7", "ada@example.com", "+31 10 414 1234"});
        ExtLogRecord braces = new ExtLogRecord(Level.INFO, "mail {0} bounced", ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                PersonalDataFilterTest.class.getName());
        braces.setParameters(new Object[]{"grace.hopper@navy.example"});

        assertThat(printed(printf)).contains("Odoo refused partner ref-7 (a***@example.com): phone +***")
                .doesNotContain("ada@", "414");
        assertThat(printed(braces)).contains("mail g***@navy.example bounced").doesNotContain("grace.hopper");
    }

    @Test
    void theExceptionsMessagesCausesAndSuppressedAreMaskedAndTheStackTraceKept() {
        SQLException cause = new SQLException("Key (customer_email)=(ada@example.com) already exists");
        IOException thrown = new IOException("hand-over failed for ada@example.com", cause);
        thrown.addSuppressed(new IllegalStateException("retry of +44 20 7946 0958 failed"));
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "hand-over failed", ExtLogRecord.FormatStyle.NO_FORMAT,
                PersonalDataFilterTest.class.getName());
        record.setThrown(thrown);

        String line = printed(record);

        assertThat(line).doesNotContain("ada@example.com", "7946")
                .contains("java.io.IOException: hand-over failed for a***@example.com",
                        "Caused by: java.sql.SQLException: Key (customer_email)=(a***@example.com) already exists",
                        "Suppressed: java.lang.IllegalStateException: retry of +*** failed",
                        "at io.portage.kit.logging.PersonalDataFilterTest.theExceptionsMessagesCausesAndSuppressedAreMasked");
    }

    @Test
    void aLineWithoutPersonalDataIsPrintedAsItWas() {
        IOException thrown = new IOException("connection reset");
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "order %s released to %s", ExtLogRecord.FormatStyle.PRINTF,
                PersonalDataFilterTest.class.getName());
        record.setParameters(new Object[]{"5b7c3f9e", "WH1"});
        record.setThrown(thrown);

        assertThat(printed(record)).contains("order 5b7c3f9e released to WH1");
        assertThat(record.getThrown()).isSameAs(thrown);
    }

    @Test
    void everyServiceWithTheKitInstallsTheFilter() throws IOException {
        Properties defaults = new Properties();
        try (var in = PersonalDataFilter.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        assertThat(defaults).containsEntry("quarkus.log.console.filter", PersonalDataFilter.NAME)
                .containsEntry("quarkus.log.file.filter", PersonalDataFilter.NAME);
    }
}

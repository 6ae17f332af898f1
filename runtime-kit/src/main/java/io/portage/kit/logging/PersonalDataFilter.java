package io.portage.kit.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.portage.contracts.PersonalData;
import io.quarkus.logging.LoggingFilter;

/**
 * Masks e-mail addresses and international phone numbers in every log line, its message and its exception's messages,
 * before any handler writes it: the net under the masked {@code toString} of the records that carry personal data, for
 * text Portage does not write itself (a database's or Odoo's error quoting a customer). Installed on the console and
 * file handlers of every service with runtime-kit ({@code META-INF/microprofile-config.properties}).
 */
@LoggingFilter(name = PersonalDataFilter.NAME)
public final class PersonalDataFilter implements Filter {

    public static final String NAME = "personal-data";

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String masked = PersonalData.maskText(formatted);
        if (masked != null && !masked.equals(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(masked);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && MaskedThrowable.needed(thrown)) {
            record.setThrown(MaskedThrowable.of(thrown));
        }
        return true;
    }
}

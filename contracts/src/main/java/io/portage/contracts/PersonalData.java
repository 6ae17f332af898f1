package io.portage.contracts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data (names, e-mail addresses, street addresses, phone numbers) wherever it could reach a log: the
 * {@code toString} of every record that carries it, and runtime-kit's log filter for free text such as an error
 * message quoting a customer's e-mail address.
 */
public final class PersonalData {

    /** What a masked value becomes after its first character. */
    public static final String MASK = "***";

    /** An e-mail address: the local part is masked, the domain kept (it tells a marketplace relay from a shop). */
    private static final Pattern EMAIL = Pattern
            .compile("([\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]*@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");
    /**
     * A phone number in international form: {@code +} then 7 to 15 digits with spaces, dots, dashes or parentheses
     * between them. Bare digit runs are left alone: they are SSCCs, ids and amounts far more often than phones.
     */
    private static final Pattern PHONE = Pattern.compile("\\+\\(?\\d(?:[\\s.()-]{0,2}\\d){6,14}");

    private PersonalData() {
    }

    /** A name or street as a log may show it: its first character, then {@link #MASK}; null stays null. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + MASK;
    }

    /** {@code text} with every e-mail address and international phone number in it masked. */
    public static String maskText(String text) {
        if (text == null || (text.indexOf('@') < 0 && text.indexOf('+') < 0)) {
            return text;
        }
        String masked = text;
        if (masked.indexOf('@') >= 0) {
            Matcher email = EMAIL.matcher(masked);
            masked = email.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + "@" + match.group(2)));
        }
        if (masked.indexOf('+') >= 0) {
            masked = PHONE.matcher(masked).replaceAll(match -> Matcher.quoteReplacement("+" + MASK));
        }
        return masked;
    }
}

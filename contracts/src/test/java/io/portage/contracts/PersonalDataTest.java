package io.portage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.portage.contracts.order.OrderChanged;
import io.portage.contracts.order.OrderReceived;

/** Personal data never reaches a log through the events' {@code toString} or free text. */
class PersonalDataTest {

    @Test
    void eMailAddressesAndInternationalPhoneNumbersAreMaskedInText() {
        assertThat(PersonalData.maskText("duplicate key (customer_email)=(ada.lovelace@example.com) exists"))
                .isEqualTo("duplicate key (customer_email)=(a***@example.com) exists");
        assertThat(PersonalData.maskText("call +31 (0)10 414-1234 or +44 20 7946 0958, ref +1"))
                .isEqualTo("call +*** or +***, ref +1");
        assertThat(PersonalData.maskText("Zoë.Müller@bücher.example")).isEqualTo("Z***@bücher.example");
    }

    @Test
    void idsAmountsAndCodesAreLeftAlone() {
        String text = "order 5b7c3f9e-2f4c-4a55-9a43-0b7f7d1c2e11 sscc 003456789012345678 total 1234567.50 at "
                + "2026-12-05T08:00:00+01:00 retry in +250 ms";
        assertThat(PersonalData.maskText(text)).isEqualTo(text);
        assertThat(PersonalData.maskText(null)).isNull();
    }

    @Test
    void namesAndStreetsKeepTheirFirstCharacterOnly() {
        assertThat(PersonalData.mask("Ada Lovelace")).isEqualTo("A***");
        assertThat(PersonalData.mask("\uD83D\uDE00 Emoji")).isEqualTo("\uD83D\uDE00***");
        assertThat(PersonalData.mask("")).isEmpty();
        assertThat(PersonalData.mask(null)).isNull();
    }

    @Test
    void theOrderEventsPrintNoPersonalData() {
        OrderReceived.Customer customer = new OrderReceived.Customer("Ada Lovelace", "ada@example.com",
                new OrderReceived.Address("12 Dock Road", "Rotterdam", "3011 AA", "NL"));
        String received = new OrderReceived("o-1", "shop", "NW-1", "northwind", "WH1", customer,
                List.of(new OrderReceived.Line("SKU-1", BigDecimal.ONE)), Instant.EPOCH).toString();
        String changed = new OrderChanged.Customer("Ada Lovelace", "ada@example.com",
                new OrderChanged.Address("12 Dock Road", "Rotterdam", "3011 AA", "NL")).toString();
        for (String printed : List.of(received, changed)) {
            assertThat(printed).doesNotContain("Ada Lovelace", "Lovelace", "ada@example.com", "12 Dock Road", "Dock Road")
                    .contains("Rotterdam", "a***@example.com");
        }
        assertThat(received).contains("SKU-1", "NW-1");
    }
}

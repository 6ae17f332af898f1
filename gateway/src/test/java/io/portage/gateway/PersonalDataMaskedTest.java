package io.portage.gateway;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.LogMasking;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway relays partners' orders: its console masks the e-mail addresses and phone numbers in them. */
@QuarkusTest
class PersonalDataMaskedTest {

    @Test
    void theConsoleMasksEMailAddressesAndPhoneNumbers() {
        LogMasking.assertConsoleMasksPersonalData();
    }
}

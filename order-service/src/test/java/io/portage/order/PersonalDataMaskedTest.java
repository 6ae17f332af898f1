package io.portage.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.portage.order.domain.Customer;
import io.portage.order.rest.MarketplaceOrder;
import io.portage.order.rest.OrderRequest;
import io.portage.order.rest.OrderView;
import io.portage.order.rest.ShopifyOrder;
import io.portage.testsupport.LogMasking;
import io.quarkus.test.junit.QuarkusTest;

/** A customer's name, e-mail address and street never reach order-service's log, whatever prints them. */
@QuarkusTest
class PersonalDataMaskedTest {

    @Test
    void theConsoleMasksEMailAddressesAndPhoneNumbers() {
        LogMasking.assertConsoleMasksPersonalData();
    }

    @Test
    void everyRecordCarryingACustomerPrintsItMasked() {
        List<Object> records = List.of(
                new Customer("Ada Lovelace", "ada@example.com", "12 Dock Road", "Rotterdam", "3011 AA", "NL"),
                new OrderView.Customer("Ada Lovelace", "ada@example.com", "12 Dock Road", "Rotterdam", "3011 AA", "NL"),
                new OrderRequest.CustomerRequest("Ada Lovelace", "ada@example.com",
                        new OrderRequest.AddressRequest("12 Dock Road", "Rotterdam", "3011 AA", "NL")),
                new ShopifyOrder(1L, "#1001", "ada@example.com", new ShopifyOrder.Address("Ada", "Lovelace",
                        "Ada Lovelace", "12 Dock Road", "Lovelace House", "Rotterdam", "3011 AA", "NL"), List.of()),
                new MarketplaceOrder("M-1", new MarketplaceOrder.Buyer("Ada Lovelace", "ada@example.com"),
                        new MarketplaceOrder.ShipTo("Ada Lovelace", "12 Dock Road", "Lovelace House", "Rotterdam",
                                "3011 AA", "NL"),
                        List.of()));
        for (Object record : records) {
            assertThat(record.toString()).as(record.getClass().getName())
                    .doesNotContain("Lovelace", "ada@example.com", "Dock Road")
                    .contains("Rotterdam");
        }
    }
}

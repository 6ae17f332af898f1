package io.portage.yard.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.client.PurchaseOrderClient;
import io.portage.yard.client.PurchaseOrdersUnavailableException;
import io.portage.yard.domain.BookingRefusedException;
import io.portage.yard.domain.Direction;
import io.portage.yard.domain.SiteRules;
import io.smallrye.mutiny.Uni;

/**
 * Checks the purchase orders an inbound booking names against Odoo by the site's rule: passed, the booking is
 * scheduled; failed, it is refused (rule {@code purchase-order}) or held as requested with the reasons, as the site
 * says. When Odoo cannot be asked the booking is held, never refused for Odoo's sake.
 */
@ApplicationScoped
public class PurchaseOrderVerifier {

    private final PurchaseOrderClient odoo;

    public PurchaseOrderVerifier(PurchaseOrderClient odoo) {
        this.odoo = odoo;
    }

    /** Empty: schedule the booking; a reason: hold it as requested. Fails with the refusal when the site refuses. */
    Uni<Optional<String>> holdReason(SiteRules rules, BookAppointment command) {
        List<String> named = command.purchaseOrders();
        if (command.direction() != Direction.INBOUND || named.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return odoo.find(named).map(found -> {
            List<String> reasons = rules.poCheck().reasons(named, found, command.slot());
            if (reasons.isEmpty()) {
                return Optional.<String>empty();
            }
            String reason = String.join("; ", reasons);
            if (rules.poCheck().onFailure() == SiteRules.OnFailure.REFUSE) {
                throw new BookingRefusedException("purchase-order", "purchaseOrders", reason);
            }
            return Optional.of("Purchase-order check failed: " + reason);
        })
                .onFailure(PurchaseOrdersUnavailableException.class)
                .recoverWithItem(failure -> Optional.of("Purchase orders not checked: " + failure.getMessage()));
    }
}

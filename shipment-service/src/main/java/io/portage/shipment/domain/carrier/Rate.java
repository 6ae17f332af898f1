package io.portage.shipment.domain.carrier;

import java.math.BigDecimal;

/** A carrier's price for a service, with the days it promises and the carrier's reference to buy it by. */
public record Rate(String carrier, String service, BigDecimal amount, String currency, int promisedDays,
        String carrierRef) {
}

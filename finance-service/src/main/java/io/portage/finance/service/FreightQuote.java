package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What a shipment of a given weight costs on a lane with a carrier, and which rate card priced it. */
public record FreightQuote(String carrier, String lane, LocalDate shipDate, BigDecimal weightKg, BigDecimal amount,
        String currency, UUID rateCardId) {
}

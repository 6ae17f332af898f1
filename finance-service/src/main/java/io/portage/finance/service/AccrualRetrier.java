package io.portage.finance.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.repository.CarrierChargeRepository;
import io.portage.kit.ops.ExceptionItem;
import io.portage.kit.ops.ExceptionRetrier;
import io.smallrye.mutiny.Uni;

/**
 * Retrying a {@value FreightAccruals#NOT_ACCRUED} item, once finance has added the missing exchange rate in Odoo, puts
 * the charge back for the next accrual pass; while Odoo still has no rate of its currency on or before its day, the
 * retry fails and the item stays open.
 */
@ApplicationScoped
public class AccrualRetrier implements ExceptionRetrier {

    private static final String KEY_PREFIX = "carrier-charge:";

    private final CarrierChargeRepository charges;
    private final ExchangeRates rates;

    public AccrualRetrier(CarrierChargeRepository charges, ExchangeRates rates) {
        this.charges = charges;
        this.rates = rates;
    }

    @Override
    public String type() {
        return FreightAccruals.NOT_ACCRUED;
    }

    @Override
    public Uni<Void> retry(ExceptionItem item) {
        String key = item.businessKey();
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return Uni.createFrom().failure(new IllegalStateException("Not a carrier charge: " + key));
        }
        return charges.findById(UUID.fromString(key.substring(KEY_PREFIX.length()))).chain(charge -> {
            if (charge == null || charge.accrualStatus() != CarrierCharge.AccrualStatus.NOT_ACCRUED) {
                return Uni.createFrom().voidItem();
            }
            LocalDate day = LocalDate.ofInstant(charge.confirmedAt(), ZoneOffset.UTC);
            return rates.check(charge.currency(), day).invoke(rate -> charge.requeueAccrual()).replaceWithVoid();
        });
    }
}
